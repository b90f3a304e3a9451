"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/app/_actions/server-action";
import { sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { staffDocumentsPath, withdrawDocument } from "@/lib/send/documents";
import { forgetDocumentNotice } from "./notice";
import { withdrawDocumentSchema } from "./schemas";

/** Sign-in comes back to the case's documents, if the post names a case. */
const documentsPath = { field: "caseId", path: staffDocumentsPath, otherwise: "/staff/send" };

function gone(): never {
  redirect("/staff/send?gone=1");
}

/**
 * "Withdraw" on a published document: the family no longer sees it. Staff only, the two ids only
 * (the wrapper). A document that is not there goes back to the list of cases; otherwise back to
 * the documents.
 */
export const withdrawDocumentAction = serverAction(
  { access: "staff", returnTo: documentsPath, schema: withdrawDocumentSchema, onInvalid: gone },
  async ({ caseId, documentId }, { user, ip }): Promise<void> => {
    await forgetDocumentNotice();
    const result = await withdrawDocument(sendDeps(), { userId: user.userId, role: user.role, ip }, documentId);
    if (result.status === "not-found" || result.status === "forbidden") gone();
    if (result.status === "invalid") redirect(`${staffDocumentsPath(caseId)}?done=already-withdrawn`);
    logEvent("send.action", { caseId: result.caseId, action: "document-withdrawn", userId: user.userId, documentId });
    redirect(`${staffDocumentsPath(result.caseId)}?done=withdrawn`);
  },
);
