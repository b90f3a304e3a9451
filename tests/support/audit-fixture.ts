/**
 * People and referrals for the audit tests (issue 16): a user of a given account kind with a
 * client address, and a referral sent to Early Help with one file.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { attachments, councils, submissions, users } from "@/db/schema";
import { saveDraft, startDraft } from "@/lib/drafts/drafts";
import { earlyHelpAssessment } from "@/lib/forms/definitions/early-help-assessment";
import type { FormDefinition } from "@/lib/forms/types";
import type { StaffUser } from "@/lib/referrals";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, uniqueEmail } from "@/tests/support/auth-fixture";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

export type AuditTestUser = StaffUser & { email: string };

export async function anAuditUser(role: "referrer" | "caseworker", names: { forename?: string; surname: string; email?: string }, ip: string): Promise<AuditTestUser> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const email = names.email ?? uniqueEmail(role);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email, role, passwordHash: "not-used", forename: names.forename ?? "Audit", surname: names.surname })
    .returning({ id: users.id });
  return { userId: user!.id, role, ip, email };
}

/** A form id of this test file's own, so its referrals are its own. */
export const auditTestForm = (label: string): FormDefinition => ({ ...earlyHelpAssessment, id: `audit-test-${label}-${randomUUID().slice(0, 8)}` });

/** The referrer sends `form` (one file) about a child with this surname; returns its id, reference and file id. */
export async function anAuditReferral(referrer: { userId: string }, form: FormDefinition, childSurname: string, when: Date) {
  const draft = await startDraft(db, { ownerId: referrer.userId, form, retentionDays: 30, now: when });
  await saveDraft(db, { ownerId: referrer.userId, draftId: draft.id, expectedRevision: 1, people: [{ id: "p1", forename: "Kit", surname: childSurname }], answers: {}, now: when });
  await db.insert(attachments).values({ ownerId: referrer.userId, draftId: draft.id, objectKey: `attachments/${randomUUID()}`, fileName: "note.txt", contentType: "text/plain", sizeBytes: 1, kind: "text", createdAt: when });
  const sent = await submitDraft(submissionDepsAt(when), { userId: referrer.userId }, { draftId: draft.id, definitionFor: (id) => (id === form.id ? form : undefined) });
  if (sent.status !== "submitted") throw new Error("expected a submission");
  const [row] = await db.select({ id: submissions.id, reference: submissions.reference }).from(submissions).where(eq(submissions.reference, sent.reference));
  const [file] = await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.submissionId, row!.id));
  return { ...row!, fileId: file!.id };
}
