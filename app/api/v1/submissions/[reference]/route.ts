/** GET /api/v1/submissions/<ref>: the case system's JSON document of one sent form (lib/delivery/document.ts). */
import { getDb } from "@/db/client";
import { readDocumentForKey } from "@/lib/delivery/api/api-submissions";
import { appSettings } from "@/lib/config/env";
import { apiRoute, jsonResponse, notFound } from "../../_support/api-route";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  return apiRoute(request, "submission.read", async ({ key, now }) => {
    const document = await readDocumentForKey(getDb(), key, reference, { appUrl: appSettings().APP_URL, now });
    return document ? jsonResponse(document) : notFound();
  });
}
