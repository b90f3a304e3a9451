import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

/**
 * The audit row for a refused infected upload: who, and the draft or case it was for; never the
 * file's name. Written here (not through lib/auth's recordAudit, whose events are the account's).
 */
export async function recordInfectedUpload(db: DbOrTx, context: { userId: string; subjectId: string | null; ip?: string | null }, at: Date): Promise<void> {
  await db.insert(auditEvents).values({ event: "upload-infected", at, userId: context.userId, subjectId: context.subjectId, ip: context.ip ?? null });
}
