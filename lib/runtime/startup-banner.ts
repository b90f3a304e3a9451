import { DEMO_LOGINS, demoLoginDuty } from "@/db/seed";
import { SEEDED_TEAMS, teamNamer } from "@/lib/staff/teams";
import path from "node:path";
import { DEMO_IDENTITY_CODE } from "@/db/seed-send";
import { isLoopback } from "@/lib/security/trusted-proxies";
import type { StartedServices } from "./services";
import type { HealthAnswer } from "./wait-for-answer";

type BannerInput = {
  appUrl: string;
  mode: "start" | "dev";
  services: StartedServices;
  isDemo: boolean;
  health: HealthAnswer;
  /** Whether this process runs the job worker (PORTAL_WORKER). */
  hasWorker?: boolean;
  /** Web server processes serving the port (WEB_CONCURRENCY; always 1 in dev). */
  webProcesses?: number;
  host: string;
  port: number;
  /** DATA_DIR as set (relative to the working folder, or absolute). */
  dataDir: string;
  /** The working folder the data folder is shown relative to. */
  cwd?: string;
};

/** Where a part's data lives, as a reader would type it: relative when under the working folder. */
function dataPath(dataDir: string, cwd: string, part: string): string {
  const absolute = path.resolve(cwd, dataDir, part);
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
}

/** The one block printed when the portal is up: where everything is and how to sign in. */
export function startupBanner({ appUrl, mode, services, isDemo, health, hasWorker = true, webProcesses = 1, host, port, dataDir, cwd = process.cwd() }: BannerInput): string {
  const external = "external (from settings)";
  const data = (part: string) => dataPath(dataDir, cwd, part);
  const lines = [
    "",
    "──────────────── Children's Portal ────────────────",
    `  Portal      ${appUrl}`,
    `  Listening   ${host}:${port}  (${isLoopback(host) ? "this machine only; set HOST=0.0.0.0 to open it to the network" : "open to the network (HOST)"})`,
    `  Web         ${webProcesses === 1 ? `1 process${mode === "dev" ? "" : " (WEB_CONCURRENCY sets how many: about one per core)"}` : `${webProcesses} processes (WEB_CONCURRENCY)`}`,
    `  Health      ${appUrl}/api/health  (${health.status === 200 ? "all parts ok" : `down: ${health.down.join(", ")}`})`,
    services.embedded.mail ? `  Mailbox     ${appUrl}/dev/mailbox  (sign-in codes arrive here)` : `  Mail        ${external}`,
    `  Database    ${services.embedded.database ? `embedded PostgreSQL, data in ${data("pg")}` : external}`,
    `  Storage     ${services.embedded.storage ? `embedded S3 (s3rver), data in ${data("s3")}` : external}`,
    `  Jobs        ${hasWorker ? "worker in this process (mail, housekeeping)" : "no worker here (PORTAL_WORKER=off): run npm run worker beside it"}`,
    `  Browser     headless Chromium from ${services.chromiumSource}`,
    `  Scanning    ${{ embedded: `embedded clamd (ClamAV), signatures in ${data("clamav")}`, external: "clamd at CLAMAV_URL", off: "OFF: no clamd on this machine, files are stored unscanned (development only)" }[services.scanning]}`,
    ...(isDemo ? ["", "  Demo logins:", ...DEMO_LOGINS.map((l) => `    ${l.email}  /  ${l.password}  (${demoLoginDuty(l, teamNamer(SEEDED_TEAMS))})`), `  SEND: the invitation waiting for its identity check takes code ${DEMO_IDENTITY_CODE}`] : []),
    "",
    `  ${mode === "dev" ? "Development server" : "Production build"} · Ctrl-C stops everything`,
    "────────────────────────────────────────────────────",
    "",
  ];
  return lines.join("\n");
}
