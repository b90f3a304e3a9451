import "server-only";
import { NextResponse } from "next/server";
import { councilSettings } from "@/lib/config/council";
import { renderFormPdf, type FormDocument } from "@/lib/pdf/form-document";
import { getPdfRenderer } from "@/lib/pdf";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";

/** A form's PDF as a download: named safely, never cached, never sniffed. */
export async function pdfResponse(document: Omit<FormDocument, "councilName" | "createdAt">, fileName: string, logIds: Record<string, string>, { isInline = false } = {}): Promise<NextResponse> {
  const pdf = await renderFormPdf(await getPdfRenderer(), { ...document, councilName: councilSettings().name, createdAt: now() });
  logEvent("pdf.created", logIds);
  const safeName = fileName.replace(/[^A-Za-z0-9._-]+/g, "-");
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      // Inline for Print: the browser's PDF viewer opens it in its tab, ready to print.
      "Content-Disposition": `${isInline ? "inline" : "attachment"}; filename="${safeName}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function notFoundResponse(): NextResponse {
  return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
