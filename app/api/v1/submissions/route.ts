/**
 * GET /api/v1/submissions?status=undelivered&team=…&cursor=…&limit=…: the key's teams' sent forms,
 * oldest first, a page at a time (lib/delivery/api/api-submissions.ts). `nextCursor` (and
 * `links.next`) is there while more remain.
 */
import { getDb } from "@/db/client";
import { listSubmissionsForKey, parseListQuery } from "@/lib/delivery/api/api-submissions";
import { appSettings } from "@/lib/config/env";
import { submissionsListUrl, submissionUrl } from "@/lib/delivery/urls";
import { ApiRefusal, apiRoute, jsonResponse } from "../_support/api-route";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return apiRoute(request, "submissions.list", async ({ key, now }) => {
    const parsed = parseListQuery(new URL(request.url).searchParams);
    if (parsed.status === "invalid") return new ApiRefusal(422, "invalid_request", "The query is not valid.", parsed.errors);
    const { query } = parsed;
    const page = await listSubmissionsForKey(getDb(), key, query, now);
    const appUrl = appSettings().APP_URL;
    const next = page.nextCursor
      ? submissionsListUrl(appUrl, { status: query.status, ...(query.team ? { team: query.team } : {}), limit: String(query.limit), cursor: page.nextCursor })
      : null;
    return jsonResponse({
      items: page.items.map((item) => {
        const self = submissionUrl(appUrl, item.reference);
        return { ...item, links: { document: self, pdf: `${self}/pdf`, ack: `${self}/ack` } };
      }),
      nextCursor: page.nextCursor,
      links: { next },
    });
  });
}
