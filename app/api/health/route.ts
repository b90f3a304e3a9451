import { getDb } from "@/db/client";
import { oldestUndeliveredAgeSeconds } from "@/lib/delivery/delivery-status";
import { checkHealth } from "@/lib/health/check-health";
import { portalHealthChecks } from "@/lib/health/portal-checks";
import { checkScanning, withScanning } from "@/lib/health/scanning-health";
import { getScanner } from "@/lib/scanning";

export const dynamic = "force-dynamic";

/**
 * 200 when every part is ok (scanning may be "off" in development); 503 naming the parts that are
 * down. `delivery.oldestUndeliveredSeconds` is the age of the oldest sent form the case system
 * has not taken (null: none waits). It does not make the portal "down": a case system that is
 * down, or collects once a day, is not the portal's failure, and a load balancer must not take
 * healthy instances out for it. Monitoring alerts on it with its own threshold instead.
 */
export async function GET() {
  const [parts, scanning] = await Promise.all([checkHealth(portalHealthChecks), checkScanning(getScanner(), new Date(), undefined, process.env.CLAMAV_DATABASE_DIR)]);
  const oldestUndeliveredSeconds = parts.parts.database === "ok" ? await oldestUndeliveredAgeSeconds(getDb(), new Date()).catch(() => null) : null;
  const report = { ...withScanning(parts, scanning), delivery: { oldestUndeliveredSeconds } };
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
