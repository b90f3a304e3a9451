/**
 * The audit trail's words: a readable label for each event name written to audit_events, and
 * which events are reads of a record (what "Who has viewed this" lists). The record keys every
 * event type the writers declare, so a new event without a label fails the type check; an event
 * this list does not know yet (another area's) is shown by its name.
 */
import type { AuditEvent } from "@/lib/auth/audit";
import type { DeliveryAuditEvent } from "@/lib/delivery/webhooks/audit-events";
import type { StaffAuditEvent } from "@/lib/referrals/events";
import type { SendAuditEvent } from "@/lib/send/events";
import type { ApiAuditEvent } from "@/lib/delivery/api/api-audit";
import type { StaffReadEvent } from "./staff-reads";

export type KnownAuditEvent = AuditEvent | StaffAuditEvent | SendAuditEvent | StaffReadEvent | ApiAuditEvent | DeliveryAuditEvent;

export const AUDIT_EVENT_LABELS: Record<KnownAuditEvent, string> = {
  "referral-viewed": "Viewed a referral",
  "referral-pdf-downloaded": "Downloaded a referral's PDF",
  "referral-file-downloaded": "Downloaded a referral's file",
  "referrals-searched": "Searched or filtered the referrals inbox",
  "referral-responded": "Responded to a referral",
  "referral-information-requested": "Asked for more information on a referral",
  "referral-closed": "Closed a referral",
  "referral-moved": "Moved a referral to another team",
  "referral-assigned": "Assigned a referral",
  "send-case-viewed": "Viewed a SEND case",
  "send-cases-listed": "Listed or searched SEND cases",
  "send-messages-viewed": "Viewed a SEND case's messages",
  "send-message-read": "Read a SEND message",
  "send-document-downloaded": "Downloaded a SEND document",
  "send-dashboard-viewed": "Viewed the SEND dashboard (family)",
  "send-case-created": "Created a SEND case",
  "send-case-assigned": "Assigned a SEND case",
  "send-stage-recorded": "Recorded a SEND stage",
  "send-exception-recorded": "Recorded a SEND exception",
  "send-invited": "Invited a family to a SEND case",
  "send-identity-verified": "Verified a family's identity code",
  "send-identity-code-refused": "Refused a family's identity code",
  "send-invitation-resent": "Resent a SEND invitation",
  "send-invitation-cancelled": "Cancelled a SEND invitation",
  "send-invitation-answered": "Answered a SEND invitation (family)",
  "send-access-activated": "Activated a family's portal access",
  "send-access-revoked": "Revoked a family's portal access",
  "send-message-sent": "Sent a SEND message",
  "send-document-published": "Published a SEND document",
  "send-document-withdrawn": "Withdrew a SEND document",
  "send-action-assigned": "Assigned a SEND action",
  "send-action-withdrawn": "Withdrew a SEND action",
  registered: "Registered",
  "code-sent": "Was sent a sign-in code",
  "signed-in": "Signed in",
  "sign-in-failed": "Failed to sign in",
  locked: "Was locked out",
  "password-changed": "Changed their password",
  "password-reset": "Reset their password",
  "signed-out": "Signed out",
  "code-refused": "Entered a wrong code",
  "staff-invited": "Invited a staff member",
  "staff-invitation-cancelled": "Withdrew a staff invitation",
  "staff-activated": "Set up their staff account",
  "staff-access-changed": "Changed a staff member's teams and role",
  "staff-disabled": "Disabled a staff account",
  "staff-enabled": "Enabled a staff account",
  "audit-trail-exported": "Downloaded the audit trail as CSV",
  "api-submissions-listed": "Case system listed submissions (API)",
  "api-submission-read": "Case system read a referral (API)",
  "api-file-downloaded": "Case system downloaded a referral's file (API)",
  "api-pdf-downloaded": "Case system downloaded a referral's PDF (API)",
  "api-submission-acknowledged": "Case system acknowledged a referral (API)",
  "api-request-refused": "Case system's API call was refused",
  "api-key-created": "Created an API key",
  "api-key-revoked": "Revoked an API key",
  "delivery-endpoint-set": "Set a team's webhook endpoint",
  "delivery-endpoint-removed": "Removed a team's webhook endpoint",
  "delivery-secret-rotated": "Made a new webhook signing secret",
  "delivery-retried": "Retried a delivery to the case system",
};

export const KNOWN_AUDIT_EVENTS = Object.keys(AUDIT_EVENT_LABELS) as KnownAuditEvent[];

export const isKnownAuditEvent = (value: unknown): value is KnownAuditEvent => typeof value === "string" && Object.hasOwn(AUDIT_EVENT_LABELS, value);

export const auditEventLabel = (event: string): string => (isKnownAuditEvent(event) ? AUDIT_EVENT_LABELS[event] : event);

/** Reads of one record (a referral or a SEND case): what "Who has viewed this" lists. */
export const RECORD_READ_EVENTS = [
  "referral-viewed",
  "referral-pdf-downloaded",
  "referral-file-downloaded",
  "send-case-viewed",
  "send-messages-viewed",
  "send-message-read",
  "send-document-downloaded",
] as const satisfies readonly KnownAuditEvent[];

const DETAIL_WORDS: Record<string, string> = {
  fileId: "file",
  documentId: "document",
  messageId: "message",
  view: "page",
  search: "search",
  tab: "tab",
  form: "form",
  team: "team",
  stage: "stage",
  apiKeyId: "API key",
  caseSystemId: "case-system id",
  operation: "call",
  name: "name",
};

/** A row's detail in words: `search "smith", tab new, file 1b2c…`. Unknown keys are left out. */
export function describeDetail(detail: Record<string, unknown> | null | undefined): string {
  if (!detail) return "";
  return Object.entries(DETAIL_WORDS)
    .flatMap(([key, word]) => {
      const value = detail[key];
      if (typeof value !== "string" || value === "") return [];
      return [key === "search" ? `${word} "${value}"` : `${word} ${value}`];
    })
    .join(", ");
}
