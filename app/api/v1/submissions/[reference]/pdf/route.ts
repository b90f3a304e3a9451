/**
 * GET /api/v1/submissions/<ref>/pdf: the form's PDF, made as the staff area makes it (the frozen
 * definition, people and answers, the reference and sent time, the files' names). The key counts as
 * one "person" in the renderer's fair share, so a case system fetching many PDFs at once is told
 * to wait (429, Retry-After) rather than crowd out the portal's users.
 */
import { getDb } from "@/db/client";
import { openForPdfForKey } from "@/lib/delivery/api/api-submissions";
import { councilSettings } from "@/lib/config/council";
import { getPdfRenderer } from "@/lib/pdf";
import { renderFormPdfFor } from "@/lib/pdf/form-document";
import { filesOfSubmission } from "@/lib/submissions/find-submission";
import { ApiRefusal, apiRoute, notFound } from "../../../_support/api-route";

export const dynamic = "force-dynamic";

const PDF_RETRY_AFTER_SECONDS = 10;

export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  return apiRoute(request, "submission.pdf", async ({ key, now }) => {
    const sent = await openForPdfForKey(getDb(), key, reference, now);
    if (!sent) return notFound();
    const result = await renderFormPdfFor(`api-key:${key.id}`, await getPdfRenderer(), {
      councilName: councilSettings().name,
      createdAt: now,
      definition: sent.definition,
      people: sent.people,
      answers: sent.answers,
      submitted: { reference: sent.reference, at: sent.submittedAt },
      attachments: await filesOfSubmission(getDb(), sent.id),
    });
    if (result.status === "busy") {
      return new ApiRefusal(429, "busy", `Too many PDFs are being made at the moment. Try again in ${PDF_RETRY_AFTER_SECONDS} seconds.`, undefined, { "Retry-After": String(PDF_RETRY_AFTER_SECONDS) });
    }
    const safeName = sent.reference.replace(/[^A-Za-z0-9._-]+/g, "-");
    return new Response(new Uint8Array(result.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${safeName}.pdf"`,
        "Content-Length": String(result.pdf.length),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
