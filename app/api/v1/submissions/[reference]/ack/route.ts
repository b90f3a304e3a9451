/**
 * POST /api/v1/submissions/<ref>/ack with `{ "caseSystemId": "…" }`: the case system has the form.
 * Its delivery becomes "delivered" (by "api"); acknowledging again changes nothing and answers the
 * same way, so a retried ack is safe. The form then leaves `status=undelivered`.
 */
import { getDb } from "@/db/client";
import { acknowledgeSubmission } from "@/lib/delivery/api/api-submissions";
import { ackSchema, fieldErrors } from "@/lib/delivery/api/api-inputs";
import { ApiRefusal, apiRoute, jsonBody, jsonResponse, notFound } from "../../../_support/api-route";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  return apiRoute(request, "submission.ack", async ({ key, now }) => {
    const body = await jsonBody(request);
    if (body instanceof ApiRefusal) return body;
    const parsed = ackSchema.safeParse(body);
    if (!parsed.success) return new ApiRefusal(422, "invalid_request", "The acknowledgement is not valid.", fieldErrors(parsed.error));
    const result = await acknowledgeSubmission(getDb(), key, reference, parsed.data.caseSystemId, now);
    if (result.status === "not-found") return notFound();
    return jsonResponse({ reference: result.reference, delivery: result.delivery });
  });
}
