/** GET /api/v1/openapi.json: the pull API's OpenAPI 3.1 document (lib/delivery/api/openapi.ts). Public: it describes the API, holds no data. */
import { appSettings } from "@/lib/config/env";
import { openApiDocument } from "@/lib/delivery/api/openapi";

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(`${JSON.stringify(openApiDocument(appSettings().APP_URL), null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
