import { portalReadinessChecks } from "@/lib/health/portal-checks";
import { checkReadiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

/** Readiness (lib/health/readiness.ts): 200, or 503 naming the parts that are down. */
export async function GET() {
  const report = await checkReadiness(portalReadinessChecks());
  return Response.json(report, { status: report.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
