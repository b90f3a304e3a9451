/**
 * Withdrawing a published document: the family no longer sees it nor can download it; its file
 * and its downloads are kept for the caseworker.
 */
import { and, eq } from "drizzle-orm";
import { sendDocuments } from "@/db/schema";
import { isStaff } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { caseOfMyTeams } from "../cases/scope";
import { todayOf, type SendDeps, type StaffUser } from "../deps";
import { recordCaseEvent, recordSendAudit } from "../events";
import type { Forbidden, Invalid, NotFound } from "../results";

/** Withdraws a published document: the family no longer sees it nor can download it. */
export async function withdrawDocument(deps: SendDeps, staff: StaffUser, documentId: string): Promise<{ status: "done"; caseId: string } | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(documentId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [document] = await tx.select().from(sendDocuments).where(and(eq(sendDocuments.id, documentId), caseOfMyTeams(sendDocuments.caseId, staff))).for("update");
    if (!document) return { status: "not-found" } as const;
    if (document.withdrawnAt) return { status: "invalid", errors: { document: "This document has already been withdrawn" } } as const;
    await tx.update(sendDocuments).set({ withdrawnAt: deps.now, withdrawnBy: staff.userId }).where(eq(sendDocuments.id, documentId));
    await recordCaseEvent(tx, { caseId: document.caseId, kind: "document-withdrawn", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { documentId } });
    await recordSendAudit(tx, "send-document-withdrawn", { userId: staff.userId, caseId: document.caseId, ip: staff.ip }, deps.now);
    return { status: "done", caseId: document.caseId } as const;
  });
}
