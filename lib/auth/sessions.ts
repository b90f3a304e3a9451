/**
 * Server-side sessions. The signed cookie only names a row here; a session is live while its
 * row is not ended and was seen within the council's idle time. Logout, a password change or
 * reset, and lockout end rows, so an old cookie stops working at its next request.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sessions, users } from "@/db/schema";

export type SessionUser = { sessionId: string; userId: string; role: "referrer" | "parent" | "caseworker" | "admin"; forename: string; surname: string; email: string };

/** Writing lastSeenAt on every request would be a write per page; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export async function startSession(db: DbOrTx, userId: string, now: Date): Promise<string> {
  const [row] = await db.insert(sessions).values({ userId, createdAt: now, lastSeenAt: now }).returning({ id: sessions.id });
  if (!row) throw new Error("session insert returned no row");
  return row.id;
}

/** The session's user if it is live (and marks it seen); null when ended or idle too long. */
export async function resumeSession(db: DbOrTx, sessionId: string, idleMinutes: number, now: Date): Promise<SessionUser | null> {
  const [row] = await db
    .select({ session: sessions, user: { id: users.id, role: users.role, forename: users.forename, surname: users.surname, email: users.email } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
  if (!row) return null;
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleMs > idleMinutes * 60_000) {
    await endSession(db, sessionId, "idle", now);
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  return { sessionId, userId: row.user.id, role: row.user.role, forename: row.user.forename, surname: row.user.surname, email: row.user.email };
}

/** Marks the session as just seen ("Stay signed in"). */
export async function touchSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

export async function endSession(db: DbOrTx, sessionId: string, reason: string, now: Date): Promise<void> {
  await db.update(sessions).set({ endedAt: now, endReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

export async function endAllSessions(db: DbOrTx, userId: string, reason: string, now: Date): Promise<void> {
  await db.update(sessions).set({ endedAt: now, endReason: reason }).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}
