/**
 * Audit rows of the pull API: every call a key makes is one row, with the key's id in `detail`
 * (there is no person: `user_id` is null) and the submission as the subject. Reads are written
 * before the record is returned, so a read that could not be recorded is not served. Refused
 * calls (another team's or an unknown reference, a wrong state, bad input) are rows too, with
 * the HTTP status they got. Admins creating and revoking keys are rows with the admin as user.
 */
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type ApiAuditEvent =
  | "api-submissions-listed"
  | "api-submission-read"
  | "api-file-downloaded"
  | "api-pdf-downloaded"
  | "api-submission-acknowledged"
  | "api-request-refused"
  | "api-key-created"
  | "api-key-revoked";

/** What a row says beyond ids; never answers. */
export type ApiAuditDetail = {
  apiKeyId?: string;
  fileId?: string;
  team?: string | null;
  status?: string | null;
  caseSystemId?: string;
  operation?: string;
  httpStatus?: number;
  reference?: string;
  name?: string;
  teams?: string[];
};

/** The key making a call, as the audit and history see it. */
export type CallingKey = { id: string; ip?: string | null };

export async function recordApiCall(db: DbOrTx, event: ApiAuditEvent, key: CallingKey, call: { subjectId?: string | null; detail?: ApiAuditDetail }, at: Date): Promise<void> {
  await db.insert(auditEvents).values({ event, at, userId: null, subjectId: call.subjectId ?? null, ip: key.ip ?? null, detail: { apiKeyId: key.id, ...call.detail } });
}
