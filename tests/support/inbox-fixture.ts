/**
 * What the inbox's tests at scale share: users of the test council (staff of the given teams) and
 * a form sent through the real draft and submit functions, read back as its submissions row.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { councils, submissions, users } from "@/db/schema";
import { saveDraft, startDraft } from "@/lib/drafts/drafts";
import type { FormDefinition, Person } from "@/lib/forms/types";
import type { StaffUser } from "@/lib/referrals";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, uniqueEmail } from "@/tests/support/auth-fixture";
import { joinTeams } from "@/tests/support/staff-teams";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

/** A referrer, or a caseworker of `teams` (none: a caseworker who sees nothing). */
export async function aTestUser(role: "referrer" | "caseworker", teams: readonly string[] = []): Promise<StaffUser> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db.insert(users).values({ councilId: council!.id, email: uniqueEmail(role), role, passwordHash: "not-used", forename: "Test", surname: "User" }).returning({ id: users.id });
  if (teams.length > 0) await joinTeams(user!.id, teams);
  return { userId: user!.id, role, ip: "203.0.113.7" };
}

/** `form`, about `people`, sent by `referrer` at `when`. */
export async function sendForm(
  referrer: StaffUser,
  when: Date,
  form: FormDefinition,
  people: Pick<Person, "id" | "forename" | "surname">[],
  definitionFor: (formId: string) => FormDefinition | undefined,
): Promise<typeof submissions.$inferSelect> {
  const draft = await startDraft(db, { ownerId: referrer.userId, form, retentionDays: 30, now: when });
  await saveDraft(db, { ownerId: referrer.userId, draftId: draft.id, expectedRevision: 1, people, answers: { referrerName: "Sam Sender" }, now: when });
  const result = await submitDraft(submissionDepsAt(when), { userId: referrer.userId }, { draftId: draft.id, definitionFor });
  if (result.status !== "submitted") throw new Error("expected a submission");
  return (await db.select().from(submissions).where(eq(submissions.reference, result.reference)))[0]!;
}

/** A submissions row to insert directly, as bulk writes (the bench, tidying) make them: the fields given, an empty form otherwise. */
export function submissionRow(row: Pick<typeof submissions.$inferInsert, "reference" | "ownerId" | "formId" | "submittedAt" | "team"> & Partial<typeof submissions.$inferInsert>): typeof submissions.$inferInsert {
  return { draftId: randomUUID(), formVersion: 1, definition: { title: "A form" }, people: [], answers: {}, ...row };
}
