/**
 * What the pull API reads and marks, for one API key: every query has the key's teams in its
 * WHERE, so another team's reference finds nothing, exactly like one that does not exist (the
 * route answers 404 for both). Each read writes its audit row (api-audit.ts) before returning.
 *
 * The list is the deliveries outbox, oldest first (the order the forms were sent), paged by an
 * opaque cursor: the last row's submission id, resumed with a row comparison on (created_at,
 * submission_id), so paging stays exact while new forms arrive and acknowledged ones drop out.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { attachments, deliveries, submissions } from "@/db/schema";
import { isUuid } from "@/lib/security/uuid";
import { findSubmittedFormIn, type SubmittedForm } from "@/lib/submissions/find-submission";
import { submissionDocument } from "../document";
import type { SubmissionDocument } from "../document-types";
import { recordApiCall } from "./api-audit";
import type { ApiKeyActor } from "./authenticate";

export const LIST_STATUSES = ["undelivered", "delivered", "all"] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export type ListQuery = { status: ListStatus; team: string | null; cursor: string | null; limit: number };

export type DeliveryState = { status: "queued" | "retrying" | "delivered" | "failed"; deliveredAt: Date | null; deliveredBy: string | null; caseSystemId: string | null };

export type SubmissionListing = {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  team: string;
  sentAt: Date;
  delivery: DeliveryState;
};

export type SubmissionPage = { items: SubmissionListing[]; nextCursor: string | null };

/** The list's query string, checked: field errors for anything it cannot use. */
export function parseListQuery(params: URLSearchParams): { status: "ok"; query: ListQuery } | { status: "invalid"; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const status = params.get("status") ?? "undelivered";
  if (!(LIST_STATUSES as readonly string[]).includes(status)) errors.status = `status must be one of ${LIST_STATUSES.join(", ")}`;
  const team = params.get("team");
  if (team !== null && (team.length === 0 || team.length > 64)) errors.team = "team must be a team id";
  const cursorText = params.get("cursor");
  const cursor = cursorText === null ? null : decodeCursor(cursorText);
  if (cursorText !== null && cursor === null) errors.cursor = "cursor must be a nextCursor this API returned";
  const limitText = params.get("limit");
  const limit = limitText === null ? DEFAULT_PAGE_SIZE : /^[1-9][0-9]{0,3}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) errors.limit = `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`;
  if (Object.keys(errors).length > 0) return { status: "invalid", errors };
  return { status: "ok", query: { status: status as ListStatus, team, cursor, limit } };
}

const encodeCursor = (submissionId: string) => Buffer.from(submissionId, "utf8").toString("base64url");
function decodeCursor(text: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) return null;
  const id = Buffer.from(text, "base64url").toString("utf8");
  return isUuid(id) ? id : null;
}

const ofKey = (key: ApiKeyActor): SQL => inArray(submissions.team, key.teams);

const deliveryColumns = { status: deliveries.status, deliveredAt: deliveries.deliveredAt, deliveredBy: deliveries.deliveredBy, caseSystemId: deliveries.caseSystemId };

/** A page of the key's teams' sent forms, oldest first; audited as one "listed" row. */
export async function listSubmissionsForKey(db: DbOrTx, key: ApiKeyActor, query: ListQuery, now: Date): Promise<SubmissionPage> {
  const conditions: (SQL | undefined)[] = [ofKey(key)];
  if (query.team !== null) conditions.push(eq(submissions.team, query.team));
  if (query.status === "undelivered") conditions.push(isNull(deliveries.deliveredAt));
  if (query.status === "delivered") conditions.push(isNotNull(deliveries.deliveredAt));
  if (query.cursor) {
    conditions.push(
      sql`(${deliveries.createdAt}, ${deliveries.submissionId}) > (select d.created_at, d.submission_id from ${deliveries} d where d.submission_id = ${query.cursor})`,
    );
  }
  const rows = await db
    .select({
      id: submissions.id,
      reference: submissions.reference,
      formId: submissions.formId,
      formVersion: submissions.formVersion,
      team: submissions.team,
      sentAt: submissions.submittedAt,
      delivery: deliveryColumns,
    })
    .from(deliveries)
    .innerJoin(submissions, eq(submissions.id, deliveries.submissionId))
    .where(and(...conditions))
    .orderBy(asc(deliveries.createdAt), asc(deliveries.submissionId))
    .limit(query.limit + 1);
  await recordApiCall(db, "api-submissions-listed", key, { detail: { status: query.status, team: query.team } }, now);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null };
}

/** One of the key's teams' sent forms by reference, or null (unknown, or another team's). */
export async function findSubmissionForKey(db: Pick<DbOrTx, "select">, key: ApiKeyActor, reference: string): Promise<SubmittedForm | null> {
  if (reference.length === 0 || reference.length > 64) return null;
  return findSubmittedFormIn(db, ofKey(key), reference);
}

/** A file sent with one of the key's teams' forms; null for any other file. */
export async function findFileForKey(db: Pick<DbOrTx, "select">, key: ApiKeyActor, reference: string, fileId: string) {
  if (!isUuid(fileId) || reference.length > 64) return null;
  const [row] = await db
    .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes, objectKey: attachments.objectKey, submissionId: submissions.id })
    .from(attachments)
    .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
    .where(and(eq(attachments.id, fileId), eq(submissions.reference, reference), ofKey(key)));
  return row ?? null;
}

export type AckResult = { status: "acknowledged"; reference: string; delivery: DeliveryState } | { status: "not-found" };

/**
 * The case system has the form: its delivery is "delivered" (by "api", with the case system's id).
 * Idempotent: acknowledging a form already delivered (by an earlier ack or by the webhook) changes
 * nothing and answers with the delivery as it stands, so a retried ack is safe.
 */
export async function acknowledgeSubmission(db: DbOrTx, key: ApiKeyActor, reference: string, caseSystemId: string, now: Date): Promise<AckResult> {
  const [found] = await db.select({ id: submissions.id, reference: submissions.reference }).from(submissions).where(and(eq(submissions.reference, reference), ofKey(key)));
  if (!found) return { status: "not-found" };
  await db
    .update(deliveries)
    .set({ status: "delivered", deliveredAt: now, deliveredBy: "api", caseSystemId, nextAttemptAt: null })
    .where(and(eq(deliveries.submissionId, found.id), isNull(deliveries.deliveredAt)));
  const [delivery] = await db.select(deliveryColumns).from(deliveries).where(eq(deliveries.submissionId, found.id));
  if (!delivery) return { status: "not-found" };
  await recordApiCall(db, "api-submission-acknowledged", key, { subjectId: found.id, detail: { caseSystemId } }, now);
  return { status: "acknowledged", reference: found.reference, delivery };
}

/** The case system's document of one of the key's teams' forms (lib/delivery/document.ts), audited before it is returned. */
export async function readDocumentForKey(db: DbOrTx, key: ApiKeyActor, reference: string, options: { appUrl: string; now: Date }): Promise<SubmissionDocument | null> {
  const found = await findSubmissionForKey(db, key, reference);
  if (!found) return null;
  await recordApiCall(db, "api-submission-read", key, { subjectId: found.id }, options.now);
  const result = await submissionDocument(db, found.id, { appUrl: options.appUrl });
  return result.status === "found" ? result.document : null;
}

/** A file to stream, audited (with the file's id) before it is. */
export async function openFileForKey(db: DbOrTx, key: ApiKeyActor, reference: string, fileId: string, now: Date) {
  const file = await findFileForKey(db, key, reference, fileId);
  if (!file) return null;
  await recordApiCall(db, "api-file-downloaded", key, { subjectId: file.submissionId, detail: { fileId: file.id } }, now);
  return file;
}

/** A form for its PDF, audited before it is made. */
export async function openForPdfForKey(db: DbOrTx, key: ApiKeyActor, reference: string, now: Date): Promise<SubmittedForm | null> {
  const found = await findSubmissionForKey(db, key, reference);
  if (!found) return null;
  await recordApiCall(db, "api-pdf-downloaded", key, { subjectId: found.id }, now);
  return found;
}
