import { checkHealth } from "@/lib/health/check-health";
import { portalHealthChecks } from "@/lib/health/portal-checks";
import { checkScanning, withScanning } from "@/lib/health/scanning-health";
import { getScanner } from "@/lib/scanning";

export const dynamic = "force-dynamic";

/** 200 when every part is ok (scanning may be "off" in development); 503 naming the parts that are down. */
export async function GET() {
  const [parts, scanning] = await Promise.all([checkHealth(portalHealthChecks), checkScanning(getScanner(), new Date(), undefined, process.env.CLAMAV_DATABASE_DIR)]);
  const report = withScanning(parts, scanning);
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
