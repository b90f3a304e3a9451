/**
 * The ONE table of allowed status changes for a referral (a submission). Every staff action and
 * the resubmission check it here before changing anything; an action from any other status is
 * refused ("wrong-state").
 *
 *   respond              submitted | resubmitted                                   → response-posted
 *   request-information  submitted | resubmitted                                   → more-information-requested
 *   close                submitted | resubmitted | response-posted |
 *                        more-information-requested                                → closed
 *   move-team            any status but closed                                     → unchanged (the team changes)
 *   resubmit (referrer)  more-information-requested                                → closed
 *
 * Resubmission, decided: "Add info" makes a new draft from the form sent back; sending it makes a
 * NEW submission row with status "resubmitted" (it appears in the inbox's Resubmitted tab),
 * `previousSubmissionId` = the original, `version` = one more than the highest version of that
 * reference, and reference "<original reference>-V<version>" (CP-ABCD-EFGH-V2). The ORIGINAL
 * goes to "closed" (its closedAt set) with a "resubmitted" referral event naming the new row,
 * so the inbox shows each referral once, at its latest version, and the original's history
 * says where it went. The new row keeps the original's team (staff may have moved it). If staff
 * closed the original while the referrer was adding information, the resubmission is still
 * sent (the referrer's work is not lost); the original stays closed.
 *
 * Files: the new draft opens with copies of the original's files (each copied to an object of
 * its own inside storage, with the draft, in one step: lib/attachments/sent-copies.ts), so the
 * referrer can remove or add files on it without touching what was sent; the originals stay on
 * the original submission, which the new one links to.
 */
import type { submissionStatus } from "@/db/schema";

export type SubmissionStatus = (typeof submissionStatus.enumValues)[number];

export type ReferralAction = "respond" | "request-information" | "close" | "move-team" | "resubmit";

type Rule = { from: readonly SubmissionStatus[]; to: SubmissionStatus | "unchanged" };

export const TRANSITIONS: Readonly<Record<ReferralAction, Rule>> = {
  respond: { from: ["submitted", "resubmitted"], to: "response-posted" },
  "request-information": { from: ["submitted", "resubmitted"], to: "more-information-requested" },
  close: { from: ["submitted", "resubmitted", "response-posted", "more-information-requested"], to: "closed" },
  "move-team": { from: ["submitted", "resubmitted", "response-posted", "more-information-requested"], to: "unchanged" },
  resubmit: { from: ["more-information-requested"], to: "closed" },
};

export function canTransition(action: ReferralAction, status: SubmissionStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after the action, or null when the action is not allowed from `status`. */
export function nextStatus(action: ReferralAction, status: SubmissionStatus): SubmissionStatus | null {
  if (!canTransition(action, status)) return null;
  const { to } = TRANSITIONS[action];
  return to === "unchanged" ? status : to;
}

/** The staff inbox's tabs and the status each lists. */
export const INBOX_TABS = {
  new: "submitted",
  resubmitted: "resubmitted",
  "awaiting-information": "more-information-requested",
  responded: "response-posted",
  closed: "closed",
} as const satisfies Record<string, SubmissionStatus>;

export type InboxTab = keyof typeof INBOX_TABS;

export const isInboxTab = (value: unknown): value is InboxTab => typeof value === "string" && Object.hasOwn(INBOX_TABS, value);
