import { NextResponse, type NextRequest } from "next/server";
import { downloadSendDocument } from "@/app/_send/download-document";
import { sendDeps } from "@/app/_send/send-deps";
import { isStaff } from "@/lib/auth/roles";
import { openDocumentForStaff, staffDocumentsPath } from "@/lib/send/documents";

/**
 * A published document, for the case's caseworkers (withdrawn ones too): a route handler is a
 * public endpoint, so it checks the caller is staff itself. Streamed from storage as a download.
 * The family's downloads are recorded separately; this one only writes an audit row.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ caseId: string; documentId: string }> }) {
  return downloadSendDocument(params, {
    by: "staff",
    documentsPath: staffDocumentsPath,
    home: "/staff/send",
    open: async (user, ip, caseId, documentId) => {
      if (!isStaff(user)) return new NextResponse("Forbidden", { status: 403, headers: { "Cache-Control": "no-store" } });
      const result = await openDocumentForStaff(sendDeps(), { userId: user.userId, role: user.role, ip }, caseId, documentId);
      return result.status === "found" ? result.document : null;
    },
  });
}
