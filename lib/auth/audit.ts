/** Audit rows for account events: event names and ids only, never passwords or codes. */
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditEvent =
  | "registered"
  | "code-sent"
  | "signed-in"
  | "sign-in-failed"
  | "locked"
  | "password-changed"
  | "password-reset"
  | "signed-out"
  | "code-refused"
  // A council admin managing staff (lib/staff/invitations.ts, lib/staff/people.ts):
  | "staff-invited"
  | "staff-invitation-cancelled"
  | "staff-activated"
  | "staff-access-changed"
  | "staff-disabled"
  | "staff-enabled"
  // A council admin took the audit trail away as CSV (the filters in detail).
  | "audit-trail-exported";

export type AuditContext = { userId?: string | null; subjectId?: string | null; ip?: string | null; detail?: Record<string, unknown> | null };

export async function recordAudit(db: DbOrTx, event: AuditEvent, context: AuditContext, at: Date): Promise<void> {
  await db.insert(auditEvents).values({ event, at, userId: context.userId ?? null, subjectId: context.subjectId ?? null, ip: context.ip ?? null, detail: context.detail ?? null });
}
