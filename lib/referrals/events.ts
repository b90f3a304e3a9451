/**
 * The two records every staff view and action writes, with the transaction that makes the
 * change: a referral event (the referral's history) and an audit row (who, what, when).
 */
import type { DbOrTx } from "@/db/client";
import { auditEvents, referralEvents } from "@/db/schema";
import type { TeamId } from "@/lib/staff/teams";
import type { InformationReason } from "./vocabulary";

export type ReferralEventKind = "submitted" | "viewed" | "more-information-requested" | "resubmitted" | "responded" | "closed" | "moved" | "assigned";

/** What `detail` holds for each kind (never answers). */
export type ReferralEventDetail = {
  reason?: InformationReason;
  comments?: string;
  fromTeam?: TeamId;
  toTeam?: TeamId;
  /** On an assignment: who it was given to. */
  assignedTo?: string;
  /** On a resubmission: the version it answers. */
  previousSubmissionId?: string;
  previousReference?: string;
  /** On the original of a resubmission: the new version. */
  nextSubmissionId?: string;
  nextReference?: string;
};

export type StaffAuditEvent = "referral-viewed" | "referral-responded" | "referral-information-requested" | "referral-closed" | "referral-moved" | "referral-assigned";

export async function recordReferralEvent(
  db: DbOrTx,
  /** `actorId` is the person; when the case system acted through the API it is null and `apiKeyId` names the key. */
  event: { submissionId: string; actorId: string | null; apiKeyId?: string | null; kind: ReferralEventKind; detail?: ReferralEventDetail; at: Date },
): Promise<void> {
  await db.insert(referralEvents).values({ submissionId: event.submissionId, actorId: event.actorId, apiKeyId: event.apiKeyId ?? null, kind: event.kind, detail: event.detail ?? {}, at: event.at });
}

export async function recordStaffAudit(
  db: DbOrTx,
  event: StaffAuditEvent,
  context: { userId: string; submissionId: string; ip?: string | null },
  at: Date,
): Promise<void> {
  await db.insert(auditEvents).values({ event, at, userId: context.userId, subjectId: context.submissionId, ip: context.ip ?? null });
}
