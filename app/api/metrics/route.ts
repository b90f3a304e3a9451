import { getDb } from "@/db/client";
import { appSettings } from "@/lib/config/env";
import { readDatabaseGauges } from "@/lib/metrics/database-gauges";
import { instanceMetricsText } from "@/lib/metrics/cluster-metrics";
import { metricsAccess } from "@/lib/metrics/metrics-token";
import { portalMetrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * This instance's metrics in Prometheus's text format (all its web processes'), for `Authorization: Bearer <METRICS_TOKEN>`
 * (lib/metrics/metrics-token.ts): 404 when METRICS_TOKEN is not set, 401 for any other caller.
 */
export async function GET(request: Request) {
  const access = metricsAccess(appSettings().METRICS_TOKEN, request.headers.get("authorization"));
  if (access === "off") return new Response("Not found\n", { status: 404, headers: NO_STORE });
  if (access === "refused") return new Response("Unauthorized\n", { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' } });
  const { registry, databaseRegistry } = portalMetrics();
  try {
    await readDatabaseGauges(getDb());
  } catch {
    // The database is down: the process's own metrics are still worth having (readiness says why).
  }
  let counted: string;
  try {
    // With several web processes, their totals (lib/metrics/cluster-metrics.ts); the database gauges once, not summed.
    counted = await instanceMetricsText(registry);
  } catch {
    return new Response("The instance's metrics could not be gathered\n", { status: 503, headers: NO_STORE });
  }
  return new Response(counted + (await databaseRegistry.metrics()), { headers: { ...NO_STORE, "Content-Type": registry.contentType } });
}
