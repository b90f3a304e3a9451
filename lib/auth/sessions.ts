/**
 * Server-side sessions. The signed cookie only names a row here; a session is live while its
 * row is not ended, was seen within the council's idle time, and began less than the council's
 * maximum (12 hours) ago however active it has been since (ASVS 7.3.2; reason "expired").
 * Logout, a password change or reset, lockout and a council admin disabling the account end rows, so an old cookie stops working at
 * its next request.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { CouncilSettings } from "@/lib/config/council";
import type { AccountRole } from "@/lib/auth/roles";

export type SessionUser = {
  sessionId: string;
  userId: string;
  role: AccountRole;
  forename: string;
  surname: string;
  email: string;
  /** The password was chosen by someone else (staff:create): nothing but changing it is allowed. */
  mustChangePassword: boolean;
};

/** How long a session may sit idle, and how long it may last at most from sign-in. */
export type SessionLimits = { idleMinutes: number; maxHours: number };

export const sessionLimitsFor = (council: Pick<CouncilSettings, "idleTimeoutMinutes" | "sessionMaxHours">): SessionLimits => ({
  idleMinutes: council.idleTimeoutMinutes,
  maxHours: council.sessionMaxHours,
});

/** Writing lastSeenAt on every request would be a write per page; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export async function startSession(db: DbOrTx, userId: string, now: Date): Promise<string> {
  const [row] = await db.insert(sessions).values({ userId, createdAt: now, lastSeenAt: now }).returning({ id: sessions.id });
  if (!row) throw new Error("session insert returned no row");
  return row.id;
}

/** The session's user if it is live (and marks it seen); null when ended, idle too long or too old. */
export async function resumeSession(db: DbOrTx, sessionId: string, limits: SessionLimits, now: Date): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      session: sessions,
      user: { id: users.id, role: users.role, forename: users.forename, surname: users.surname, email: users.email, mustChangePassword: users.mustChangePassword, disabledAt: users.disabledAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
  if (!row) return null;
  // Disabling an account ends its sessions; this holds even for one that slipped past that.
  if (row.user.disabledAt) {
    await endSession(db, sessionId, "disabled", now);
    return null;
  }
  // Measured from the row's own creation time, so no activity and no cookie can stretch it.
  if (now.getTime() - row.session.createdAt.getTime() >= limits.maxHours * 3_600_000) {
    await endSession(db, sessionId, "expired", now);
    return null;
  }
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleMs > limits.idleMinutes * 60_000) {
    await endSession(db, sessionId, "idle", now);
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  const { user } = row;
  return { sessionId, userId: user.id, role: user.role, forename: user.forename, surname: user.surname, email: user.email, mustChangePassword: user.mustChangePassword };
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
