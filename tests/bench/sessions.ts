/**
 * Signed-in sessions for the bench's newer parts (the mixed profile, page weight), made the way
 * tests/bench/forms.ts makes its users: referrers straight in the bench portal's database (one
 * INSERT for all of them), a session row and a Safeguarding Concern draft each, and a session
 * cookie minted as next-auth mints it (an encrypted JWT naming the session row, salted with the
 * cookie's name). Each part has its own e-mail prefix, so its users never meet forms.ts's.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import { councils, drafts, users } from "@/db/schema";
import { endAllSessions, startSession } from "@/lib/auth/sessions";
import { startDraft } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";

export const FORM_ID = "safeguarding-concern";
export const SECTION_ID = "professional-details";
export const FILE_SECTION_ID = "supporting-documentation";
/** The portal runs on http://localhost:<port>, so next-auth uses its plain cookie name. */
export const COOKIE_NAME = "portal.session";

export type Session = { index: number; userId: string; draftId: string; cookie: string; revision: number };

/** A cookie for session row `sessionId`, as next-auth's jwt callback stores it (sub and sid). */
export async function mintCookie(dataDir: string, sessionId: string): Promise<string> {
  const secret = readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
  const token = await encode({ token: { sub: sessionId, sid: sessionId }, secret, salt: COOKIE_NAME, maxAge: 12 * 60 * 60 });
  return `${COOKIE_NAME}=${token}`;
}

/** `count` professional referrers `<prefix>-<n>@bench.example`, each with a fresh session and draft (the last run's ended and gone). */
export async function makeSessions(db: Db, dataDir: string, prefix: string, count: number): Promise<Session[]> {
  const form = formById(FORM_ID);
  if (!form) throw new Error(`no form ${FORM_ID}`);
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  if (!council) throw new Error("the bench database has no council (was it seeded?)");
  const emails = Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}@bench.example`);
  const now = new Date();
  await db
    .insert(users)
    .values(
      emails.map((email, index) => ({
        councilId: council.id,
        email,
        role: "referrer" as const,
        // Never signs in with a password: the bench mints its session cookies.
        passwordHash: "!bench-user-no-password",
        forename: "Bench",
        surname: `${prefix} ${index + 1}`,
        isProfessional: true,
        emailVerifiedAt: now,
        termsAcceptedAt: now,
      })),
    )
    .onConflictDoNothing();
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const idByEmail = new Map(rows.map((row) => [row.email, row.id]));
  const ids = emails.map((email) => idByEmail.get(email) ?? "");
  if (ids.some((id) => !id)) throw new Error("bench users were not all created");
  await db.delete(drafts).where(inArray(drafts.ownerId, ids));
  for (const id of ids) await endAllSessions(db, id, "bench", now);

  const sessions: Session[] = [];
  for (const [index, userId] of ids.entries()) {
    const sessionId = await startSession(db, userId, now);
    const draft = await startDraft(db, {
      ownerId: userId,
      form,
      retentionDays: 30,
      now,
      people: [
        { id: crypto.randomUUID(), forename: "Alex", surname: `Bench${index + 1}` },
        { id: crypto.randomUUID(), forename: "Sam", surname: `Bench${index + 1}` },
      ],
      // A professional's draft, so its Supporting Documentation section (the file question) applies.
      answers: { completingAs: "professional" },
    });
    sessions.push({ index: index + 1, userId, draftId: draft.id, cookie: await mintCookie(dataDir, sessionId), revision: draft.revision });
  }
  return sessions;
}

export const sectionPath = (session: Session, sectionId = SECTION_ID) => `/drafts/${session.draftId}/section/${sectionId}`;
