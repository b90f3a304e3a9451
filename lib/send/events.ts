/**
 * The two records every SEND view and action writes in its own transaction: a case event (the
 * case's History, read by the dashboard and the timescales) and an audit row (who, what, when).
 * Event details hold outcomes, dates and reasons: never a message, a code or a link.
 */
import type { DbOrTx } from "@/db/client";
import { auditEvents, sendCaseEvents } from "@/db/schema";
import type { CalendarDate } from "./dates";
import type { ExceptionReason, ExceptionTimescale, Outcome, StageKind } from "./timescales";

export type SendEventKind =
  | "case-created"
  | "stage-recorded"
  | "exception-recorded"
  | "invited"
  | "identity-verified"
  | "identity-code-refused"
  | "invitation-locked"
  | "invitation-resent"
  | "invitation-cancelled"
  | "invitation-accepted"
  | "invitation-declined"
  | "access-activated"
  | "access-revoked"
  | "document-published"
  | "document-withdrawn"
  | "action-assigned"
  | "action-withdrawn"
  | "action-submitted"
  | "caseworker-assigned";

export type SendEventDetail = {
  stage?: StageKind;
  outcome?: Outcome;
  timescale?: ExceptionTimescale;
  reason?: ExceptionReason;
  note?: string;
  invitationId?: string;
  userId?: string;
  documentId?: string;
  actionId?: string;
  formId?: string;
  submissionId?: string;
};

export type SendAuditEvent =
  | "send-case-created"
  | "send-case-viewed"
  | "send-case-assigned"
  | "send-cases-listed"
  | "send-stage-recorded"
  | "send-exception-recorded"
  | "send-invited"
  | "send-identity-verified"
  | "send-identity-code-refused"
  | "send-invitation-resent"
  | "send-invitation-cancelled"
  | "send-access-activated"
  | "send-access-revoked"
  | "send-invitation-answered"
  | "send-dashboard-viewed"
  | "send-messages-viewed"
  | "send-message-sent"
  | "send-message-read"
  | "send-document-published"
  | "send-document-withdrawn"
  | "send-document-downloaded"
  | "send-action-assigned"
  | "send-action-withdrawn";

export async function recordCaseEvent(
  db: DbOrTx,
  event: { caseId: string; kind: SendEventKind; eventDate: CalendarDate; at: Date; actorId: string | null; detail?: SendEventDetail },
): Promise<void> {
  await db.insert(sendCaseEvents).values({ caseId: event.caseId, kind: event.kind, eventDate: event.eventDate, at: event.at, actorId: event.actorId, detail: event.detail ?? {} });
}

/**
 * What an audit row needs beyond the case id: which document or message was read, which of the
 * case's pages was seen, a caseload search's terms (these can be a child's name: they go to the
 * audit table, which council admins alone read, and never to the logs).
 */
export type SendAuditDetail = { documentId?: string; messageId?: string; view?: "documents" | "actions"; stage?: string; search?: string | null };

export async function recordSendAudit(
  db: DbOrTx,
  event: SendAuditEvent,
  context: { userId: string; caseId?: string | null; ip?: string | null; detail?: SendAuditDetail },
  at: Date,
): Promise<void> {
  await db.insert(auditEvents).values({ event, at, userId: context.userId, subjectId: context.caseId ?? null, ip: context.ip ?? null, detail: context.detail ?? null });
}
