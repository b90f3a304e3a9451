import { checkHealth } from "@/lib/health/check-health";
import { portalHealthChecks } from "@/lib/health/portal-checks";

export const dynamic = "force-dynamic";

/** 200 when every part is ok; 503 naming the parts that are down. */
export async function GET() {
  const report = await checkHealth(portalHealthChecks);
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
