/**
 * Who may read /api/metrics: a caller with `Authorization: Bearer <METRICS_TOKEN>`. Without the
 * setting there are no metrics at all (404), in development and production alike: a deployment
 * turns them on by giving a token to its Prometheus. The comparison is of SHA-256 digests with
 * timingSafeEqual, so neither the token's content nor its length shows in the answer's timing.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "off" | "refused" | "allowed";

const digest = (value: string) => createHash("sha256").update(value).digest();

export function metricsAccess(configuredToken: string | undefined, authorization: string | null): MetricsAccess {
  if (!configuredToken) return "off";
  const match = /^Bearer (\S+)$/i.exec(authorization?.trim() ?? "");
  if (!match) return "refused";
  return timingSafeEqual(digest(match[1]!), digest(configuredToken)) ? "allowed" : "refused";
}
