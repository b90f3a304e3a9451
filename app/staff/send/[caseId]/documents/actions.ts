"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { callerIp, sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { isUuid } from "@/lib/referrals/staff";
import { staffDocumentsPath, withdrawDocument } from "@/lib/send/documents";
import { forgetDocumentNotice } from "./notice";

/**
 * "Withdraw" on a published document: the family no longer sees it. Checks the caller is staff
 * itself (the layout's check does not cover a posted action) and reads only the two ids. A
 * document that is not there goes back to the list of cases; otherwise back to the documents.
 */
export async function withdrawDocumentAction(formData: FormData): Promise<void> {
  const caseId = String(formData.get("caseId") ?? "");
  const documentId = String(formData.get("documentId") ?? "");
  const user = await requireStaff(isUuid(caseId) ? staffDocumentsPath(caseId) : "/staff/send");
  if (!isUuid(caseId) || !isUuid(documentId)) redirect("/staff/send?gone=1");
  await forgetDocumentNotice();
  const result = await withdrawDocument(sendDeps(), { userId: user.userId, role: user.role, ip: await callerIp() }, documentId);
  if (result.status === "not-found" || result.status === "forbidden") redirect("/staff/send?gone=1");
  if (result.status === "invalid") redirect(`${staffDocumentsPath(caseId)}?done=already-withdrawn`);
  logEvent("send.action", { caseId: result.caseId, action: "document-withdrawn", userId: user.userId, documentId });
  redirect(`${staffDocumentsPath(result.caseId)}?done=withdrawn`);
}
