/**
 * Builds the JSON document of one sent form for the council's case system (document-types.ts),
 * from the submission as frozen when it was sent: its own copy of the form definition, people
 * and answers, never the current definition. Its owner is the referrer; its files are the
 * attachments frozen with it; a resubmission names the reference it answers.
 *
 * There is no reader check here: the callers are the delivery machinery (the outbox, and the
 * pull API behind its team's API key), which decide who receives it. Nothing is logged.
 */
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { attachments, submissions, users } from "@/db/schema";
import { COMPLETING_AS_QUESTION } from "@/lib/forms/completing-as";
import type { Answers, Audience, FormDefinition, Person } from "@/lib/forms/types";
import { getStorage } from "@/lib/storage";
import { arrangeAnswers } from "./document-answers";
import { DOCUMENT_VERSION, type DocumentPerson, type DocumentReferrer, type SubmissionDocument } from "./document-types";
import { sha256Of, type HashStorage } from "./file-hashes";
import { fileDownloadUrl, schemaUrl } from "./urls";

export type DocumentOptions = {
  /** The portal's public address (APP_URL), for the schema's and the files' URLs. */
  appUrl: string;
  /** Where to read a file stored before hashes were kept; the app's storage unless given. */
  storage?: HashStorage;
};

export type DocumentResult = { status: "found"; document: SubmissionDocument } | { status: "not-found" };

/** The per-person date question whose answer is also given as the person's `dateOfBirth`. */
const DATE_OF_BIRTH_QUESTION = "dateOfBirth";

const previous = alias(submissions, "previous_submission");

export async function submissionDocument(db: Pick<DbOrTx, "select" | "update">, submissionId: string, options: DocumentOptions): Promise<DocumentResult> {
  const [row] = await db
    .select({ submission: submissions, owner: users, previousReference: previous.reference })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.ownerId))
    .leftJoin(previous, eq(previous.id, submissions.previousSubmissionId))
    .where(eq(submissions.id, submissionId));
  if (!row) return { status: "not-found" };
  const { submission, owner } = row;
  const definition = submission.definition as FormDefinition;
  const stored = submission.answers as Answers;
  const people = submission.people as Person[];

  const arranged = arrangeAnswers(definition, stored, people);
  const files = await db.select().from(attachments).where(eq(attachments.submissionId, submission.id)).orderBy(asc(attachments.createdAt), asc(attachments.id));
  let storage = options.storage;
  const documentFiles = [];
  for (const file of files) {
    const sha256 = await sha256Of(db, (storage ??= getStorage()), file);
    documentFiles.push({ id: file.id, name: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes, sha256, downloadUrl: fileDownloadUrl(options.appUrl, submission.reference, file.id) });
  }

  const document: SubmissionDocument = {
    documentVersion: DOCUMENT_VERSION,
    schemaUrl: schemaUrl(options.appUrl, submission.formId, submission.formVersion),
    reference: submission.reference,
    version: submission.version,
    previousReference: row.previousReference,
    form: { id: submission.formId, version: submission.formVersion, title: definition.title },
    team: submission.team,
    sentAt: submission.submittedAt.toISOString(),
    referrer: referrerOf(owner, stored),
    people: people.map((person) => personOf(person, arranged.byPerson.get(person.id) ?? [])),
    answers: arranged.answers,
    files: documentFiles,
  };
  return { status: "found", document };
}

function personOf(person: Person, answers: DocumentPerson["answers"]): DocumentPerson {
  const birth = answers.find((answer) => answer.questionId === DATE_OF_BIRTH_QUESTION && typeof answer.value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(answer.value));
  return { id: person.id, forename: person.forename, surname: person.surname, ...(birth && { dateOfBirth: birth.value as string }), answers };
}

function referrerOf(owner: typeof users.$inferSelect, answers: Answers): DocumentReferrer {
  const completingAs = answers[COMPLETING_AS_QUESTION.id];
  const isAudience = (value: unknown): value is Audience => COMPLETING_AS_QUESTION.choices.some((choice) => choice.value === value);
  const parts = { propertyName: owner.propertyName, houseNumber: owner.houseNumber, street: owner.street, area: owner.area, town: owner.town, postcode: owner.postcode };
  const address = Object.fromEntries(Object.entries(parts).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== ""));
  return {
    forename: owner.forename,
    surname: owner.surname,
    email: owner.email,
    isProfessional: owner.isProfessional,
    organisation: owner.organisation,
    jobRole: owner.jobRole,
    completingAs: isAudience(completingAs) ? completingAs : null,
    address: Object.keys(address).length > 0 ? address : null,
  };
}
