import "server-only";
import { NextResponse } from "next/server";
import { councilSettings } from "@/lib/config/council";
import { renderFormPdfFor, type FormDocument } from "@/lib/pdf/form-document";
import { getPdfRenderer } from "@/lib/pdf";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { refusalPage } from "@/lib/security/refusal-page";

/** Seconds a refused PDF request is asked to wait: about what two renders take when busy. */
export const PDF_RETRY_AFTER_SECONDS = 10;

/**
 * A form's PDF as a download: named safely, never cached, never sniffed. Made for `personId`
 * (the signed-in user): someone who already has their share of PDFs rendering, or who arrives
 * when the queue is full, gets a plain "busy, try again" page (429) at once.
 */
export async function pdfResponse(
  personId: string,
  document: Omit<FormDocument, "councilName" | "createdAt">,
  fileName: string,
  logIds: Record<string, string>,
  { isInline = false } = {},
): Promise<NextResponse> {
  const result = await renderFormPdfFor(personId, await getPdfRenderer(), { ...document, councilName: councilSettings().name, createdAt: now() });
  if (result.status === "busy") {
    logEvent("pdf.busy", { ...logIds, reason: result.reason });
    return pdfBusyResponse();
  }
  logEvent("pdf.created", logIds);
  const safeName = fileName.replace(/[^A-Za-z0-9._-]+/g, "-");
  return new NextResponse(new Uint8Array(result.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      // Inline for Print: the browser's PDF viewer opens it in its tab, ready to print.
      "Content-Disposition": `${isInline ? "inline" : "attachment"}; filename="${safeName}"`,
      "Content-Length": String(result.pdf.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function pdfBusyResponse(): NextResponse {
  const page = refusalPage("PDFs are busy", `Too many PDFs are being made at the moment. Try again in ${PDF_RETRY_AFTER_SECONDS} seconds.`);
  return new NextResponse(page, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(PDF_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

export function notFoundResponse(): NextResponse {
  return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
