/**
 * The health of each part the portal needs. Every check runs at once with its own time
 * limit, so one part hanging cannot hide the state of the others.
 */
export const HEALTH_PARTS = ["database", "storage", "mail", "browser", "jobWorker"] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];
export type HealthChecks = Record<HealthPart, () => Promise<void>>;
export type HealthReport = { status: "ok" | "down"; parts: Record<HealthPart, "ok" | "down">; down: HealthPart[] };

const CHECK_TIMEOUT_MS = 5_000;

function withTimeout(check: () => Promise<void>): Promise<void> {
  return Promise.race([
    check(),
    new Promise<void>((_, reject) => setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** Runs every check of `names` at once, each with its own time limit; which are ok and which down. */
export async function checkParts<P extends string>(names: readonly P[], checks: Record<P, () => Promise<void>>): Promise<{ parts: Record<P, "ok" | "down">; down: P[] }> {
  const outcomes = await Promise.allSettled(names.map((part) => withTimeout(checks[part])));
  const parts = Object.fromEntries(names.map((part, index) => [part, outcomes[index]?.status === "fulfilled" ? "ok" : "down"])) as Record<P, "ok" | "down">;
  return { parts, down: names.filter((part) => parts[part] === "down") };
}

export async function checkHealth(checks: HealthChecks): Promise<HealthReport> {
  const { parts, down } = await checkParts(HEALTH_PARTS, checks);
  return { status: down.length === 0 ? "ok" : "down", parts, down };
}
