import type { NextRequest } from "next/server";
import { downloadSendDocument } from "@/app/_send/download-document";
import { sendDeps } from "@/app/_send/send-deps";
import { familyDocumentsPath, openDocumentForFamily } from "@/lib/send/documents";

/**
 * A document from Documents to View, downloaded by a family member: only through their active
 * access to the case (caseForFamily, inside openDocumentForFamily), and only while it is not
 * withdrawn. Anyone else gets 404, as for a document that does not exist. The download is
 * recorded (the caseworker sees it) before the file is streamed from storage.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ caseId: string; documentId: string }> }) {
  return downloadSendDocument(params, {
    by: "family",
    documentsPath: familyDocumentsPath,
    home: "/send",
    open: (user, ip, caseId, documentId) => openDocumentForFamily(sendDeps(), { userId: user.userId, ip }, caseId, documentId),
  });
}
