/**
 * Reading a sent form back: only its owner, or council staff of the team it is with, may. Another
 * user's reference (or another team's) finds nothing, exactly like a reference that does not exist.
 */
import { and, asc, desc, eq, gte, isNull, or, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { attachments, submissions } from "@/db/schema";
import type { Answers, FormDefinition, Person } from "@/lib/forms/types";
import { type AccountRole, isStaff } from "@/lib/auth/roles";
import { inMyTeams } from "@/lib/staff/scope";

export type Reader = { userId: string; role: AccountRole };

export type SubmittedForm = {
  id: string;
  reference: string;
  definition: FormDefinition;
  people: Person[];
  answers: Answers;
  submittedAt: Date;
};

export async function findSubmittedForm(db: Pick<Db, "select">, reader: Reader, reference: string): Promise<SubmittedForm | null> {
  const own = eq(submissions.ownerId, reader.userId);
  const scope: SQL | undefined = isStaff(reader) ? or(own, inMyTeams(submissions.team, reader)) : own;
  // A form whose answers retention deleted (lib/delivery/retention.ts) has nothing left to show.
  return findSubmittedFormIn(db, and(scope, isNull(submissions.purgedAt)), reference);
}

/**
 * The sent form with this reference among those `scope` lets the caller see, or null. Each reader
 * brings its own scope: the owner or their team's staff (findSubmittedForm), an API key's teams
 * (lib/delivery/api/api-submissions.ts).
 */
export async function findSubmittedFormIn(db: Pick<DbOrTx, "select">, scope: SQL | undefined, reference: string): Promise<SubmittedForm | null> {
  const [row] = await db
    .select({ id: submissions.id, reference: submissions.reference, definition: submissions.definition, people: submissions.people, answers: submissions.answers, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(and(eq(submissions.reference, reference), scope));
  if (!row) return null;
  // The definition frozen with the answers: the PDF shows the form as it was sent.
  return { ...row, definition: row.definition as FormDefinition, people: row.people as Person[], answers: row.answers as Answers };
}

/** The files sent with a submission, for a reader already allowed to see it (findSubmittedForm). */
export async function filesOfSubmission(db: Pick<Db, "select">, submissionId: string): Promise<{ id: string; fileName: string; sizeBytes: number }[]> {
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, sizeBytes: attachments.sizeBytes })
    .from(attachments)
    .where(eq(attachments.submissionId, submissionId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export type SentListing = { reference: string; formTitle: string; people: Person[]; submittedAt: Date; response: string | null; respondedAt: Date | null };

/** "Submitted Forms": the owner's submissions since a time, newest first. */
export async function listRecentSubmissions(db: Pick<Db, "select">, ownerId: string, since: Date): Promise<SentListing[]> {
  const rows = await db
    .select({ reference: submissions.reference, definition: submissions.definition, people: submissions.people, submittedAt: submissions.submittedAt, response: submissions.response, respondedAt: submissions.respondedAt })
    .from(submissions)
    .where(and(eq(submissions.ownerId, ownerId), gte(submissions.submittedAt, since)))
    .orderBy(desc(submissions.submittedAt));
  return rows.map((row) => ({
    reference: row.reference,
    formTitle: (row.definition as FormDefinition).title,
    people: row.people as Person[],
    submittedAt: row.submittedAt,
    response: row.response,
    respondedAt: row.respondedAt,
  }));
}
