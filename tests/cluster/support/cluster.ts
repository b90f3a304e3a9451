/**
 * The cluster the cluster test runs against, started outside the portal so the portal sees every
 * service as external (production mode):
 *
 * - PostgreSQL, S3 (s3rver) and SMTP: the embedded packages, started here as standalone servers;
 *   the SMTP server keeps each message as an .eml file, which the tests read and count;
 * - clamd (Debian's clamav-daemon) with the portal's own small signature database;
 * - a stand-in for the OS Places API (tests/support/fake-os-places.ts);
 * - two portal instances (`npm start`'s launcher, production mode, one shared build), each with
 *   its job worker on, on PORT+1 and PORT+2;
 * - nginx in front on PORT, https with a certificate made now (support/nginx.ts).
 *
 * Everything is stopped by the returned `stop`, which leaves no process behind; everything lives
 * in .data/cluster-PORT, removed at the start of a run and after it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureBuild } from "@/lib/runtime/build";
import { startEmbeddedPostgres } from "@/lib/runtime/embedded-postgres";
import { EMBEDDED_S3_KEY, startEmbeddedS3 } from "@/lib/runtime/embedded-s3";
import { startEmbeddedSmtp } from "@/lib/runtime/embedded-smtp";
import { findClamd, startEmbeddedClamd } from "@/lib/runtime/embedded-clamd";
import { dpa, startFakeOsPlaces } from "../../support/fake-os-places";
import { makeCertificate, PROXY_ADDRESS, requestsPerUpstream, startNginx } from "./nginx";

export type ClusterInstance = { name: string; port: number; pid: number; log: string };
export type ClusterInfo = { appUrl: string; dataDir: string; mailboxDir: string; databaseUrl: string; accessLog: string; instances: ClusterInstance[] };

/** What the tests read: passed to the test workers through the environment. */
export function clusterEnv(info: ClusterInfo): Record<string, string> {
  return { CLUSTER_INFO: JSON.stringify(info), CLUSTER_MAILBOX_DIR: info.mailboxDir };
}

export function readClusterInfo(): ClusterInfo {
  const value = process.env.CLUSTER_INFO;
  if (!value) throw new Error("CLUSTER_INFO is not set: run the cluster test with npm run test:cluster");
  return JSON.parse(value) as ClusterInfo;
}

type Stoppable = { name: string; stop: () => Promise<void> };

/** How long each step took, printed so the run's log shows where its time goes. */
async function timed<T>(what: string, step: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  const result = await step();
  process.stdout.write(`cluster: ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}

export async function startCluster(port: number): Promise<{ info: ClusterInfo; stop: () => Promise<void> }> {
  const root = path.resolve(__dirname, "../../..");
  const dataDir = path.join(root, `.data/cluster-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  // Stopped in reverse order: nginx, the instances (their workers), then the services they use.
  const started: Stoppable[] = [];
  /** The instances' process groups: everything each launcher started is in its group. */
  const groups: number[] = [];
  const stop = async () => {
    for (const service of started.reverse()) {
      await service.stop().catch((error: unknown) => process.stderr.write(`cluster: stopping ${service.name} failed: ${String(error)}\n`));
    }
    keepLogs(dataDir, path.join(root, "tests/.reports/cluster-logs"));
    const left = processesLeft(dataDir, groups);
    rmSync(dataDir, { recursive: true, force: true });
    if (left.length > 0) throw new Error(`processes left running after the cluster stopped:\n${left.join("\n")}`);
  };

  try {
    const clamdPath = findClamd();
    if (!clamdPath) throw new Error("clamd is not installed: production needs CLAMAV_URL, so the cluster test starts Debian's clamav-daemon (apt-get install clamav-daemon; .ci/run does it in CI)");
    // One build for both instances, made before they start (two launchers must not build at once).
    await timed("build checked", () => ensureBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, root));

    const [database, storage, mail, scanner, addresses] = await timed("PostgreSQL, S3, SMTP, clamd and OS Places started", () =>
      Promise.all([
        startEmbeddedPostgres(path.join(dataDir, "pg")),
        startEmbeddedS3(path.join(dataDir, "s3"), "childrens-portal"),
        startEmbeddedSmtp(path.join(dataDir, "mailbox")),
        startEmbeddedClamd(clamdPath, path.join(dataDir, "clamav")),
        startFakeOsPlaces([dpa({ UPRN: "100070000001", BUILDING_NUMBER: "4", THOROUGHFARE_NAME: "MILL LANE", POST_TOWN: "DUDLEY", POSTCODE: "DY2 2BB" })]),
      ]),
    );
    started.push({ name: "PostgreSQL", stop: database.stop }, { name: "S3", stop: storage.stop }, { name: "SMTP", stop: mail.stop }, { name: "clamd", stop: scanner.stop }, { name: "OS Places", stop: addresses.close });

    const appUrl = `https://localhost:${port}`;
    const settings: Record<string, string> = {
      PORTAL_ENV: "production",
      APP_URL: appUrl,
      // nginx connects from this address; X-Forwarded-For is believed from it alone.
      TRUSTED_PROXIES: PROXY_ADDRESS,
      DATABASE_URL: database.url,
      S3_ENDPOINT: storage.url,
      S3_BUCKET: "childrens-portal",
      S3_ACCESS_KEY_ID: EMBEDDED_S3_KEY,
      S3_SECRET_ACCESS_KEY: EMBEDDED_S3_KEY,
      // The AWS SDK's own settings for S3-compatible stores without its newer (aws-chunked) checksums,
      // s3rver among them; a deployment on such a store sets the same. The portal's code is unchanged.
      AWS_REQUEST_CHECKSUM_CALCULATION: "WHEN_REQUIRED",
      AWS_RESPONSE_CHECKSUM_VALIDATION: "WHEN_REQUIRED",
      SMTP_URL: mail.url,
      // One secret for every instance: a session made on one is read on the other.
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      CLAMAV_URL: scanner.url,
      ADDRESS_PROVIDER: "os-places",
      OS_PLACES_API_KEY: "test-key",
      OS_PLACES_BASE_URL: addresses.baseUrl,
      PORTAL_WORKER: "on",
      ...(process.env.E2E_CHROMIUM_PATH && { CHROMIUM_PATH: process.env.E2E_CHROMIUM_PATH }),
    };

    // Both at once, as a platform starts its containers: migrations run once, under the advisory lock.
    const instances = await timed("two portal instances started", () =>
      Promise.all([1, 2].map((n) => startInstance(root, `instance-${n}`, port + n, { ...settings, DATA_DIR: path.join(dataDir, `instance-${n}`) }))),
    );
    for (const instance of instances) {
      started.push({ name: instance.info.name, stop: instance.stop });
      groups.push(instance.info.pid);
    }

    const nginxDir = path.join(dataDir, "nginx");
    mkdirSync(nginxDir, { recursive: true });
    const accessLog = path.join(nginxDir, "access.log");
    const nginx = await timed("nginx started", () => startNginx({ directory: nginxDir, port, upstreams: instances.map((i) => i.info.port), accessLog, ...makeCertificate(nginxDir) }));
    started.push({
      name: "nginx",
      stop: async () => {
        await nginx.stop();
        printRequestsPerInstance(accessLog, instances.map((i) => i.info));
      },
    });

    const info: ClusterInfo = { appUrl, dataDir, mailboxDir: path.join(dataDir, "mailbox"), databaseUrl: database.url, accessLog, instances: instances.map((i) => i.info) };
    return { info, stop };
  } catch (error) {
    await stop().catch((problem: unknown) => process.stderr.write(`cluster: ${String(problem)}\n`));
    throw error;
  }
}

/**
 * Processes still alive from this cluster: any whose command line names its data folder
 * (PostgreSQL, clamd, nginx) or that is in an instance's process group (a web server whose
 * launcher did not stop it). Zombies are dead already. Linux's /proc; elsewhere nothing is checked.
 */
function processesLeft(dataDir: string, groups: number[]): string[] {
  if (!existsSync("/proc")) return [];
  const left: string[] = [];
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // After the command's name in brackets: state, parent, process group, ...
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      if (state !== "Z" && (command.includes(dataDir) || groups.includes(Number(group)))) left.push(`${pid} ${command.slice(0, 160)}`);
    } catch {
      // gone while looking
    }
  }
  return left;
}

/** The instances' and nginx's logs, kept with the test reports for a failed run to be read. */
function keepLogs(dataDir: string, reportDir: string): void {
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  for (const file of ["instance-1.log", "instance-2.log", "nginx/access.log", "nginx/error.log"]) {
    try {
      cpSync(path.join(dataDir, file), path.join(reportDir, path.basename(file)));
    } catch {
      // not made (the run stopped before it)
    }
  }
}

/** The per-instance request count from nginx's access log: the run's proof that both served. */
function printRequestsPerInstance(accessLog: string, instances: ClusterInstance[]): void {
  let log = "";
  try {
    log = readFileSync(accessLog, "utf8");
  } catch {
    return;
  }
  const counts = requestsPerUpstream(log);
  const line = instances.map((instance) => `${instance.name} (127.0.0.1:${instance.port}) ${counts.get(`127.0.0.1:${instance.port}`) ?? 0}`).join(", ");
  process.stdout.write(`cluster: requests served through nginx: ${line}\n`);
}

const READY_LINE = "Ctrl-C stops everything";
const START_TIMEOUT_MS = 240_000;
/** The launcher's own stop is bounded at about 10 s; past this its process group is killed. */
const STOP_TIMEOUT_MS = 15_000;

/**
 * One portal instance: the launcher `npm start` runs, in a process group of its own so that
 * nothing it started can outlive the test. Its output goes to a log file in the data folder,
 * shown when it fails to start.
 */
async function startInstance(root: string, name: string, port: number, settings: Record<string, string>): Promise<{ info: ClusterInstance; stop: () => Promise<void> }> {
  const log = path.join(settings.DATA_DIR!, "..", `${name}.log`);
  const out = createWriteStream(log);
  // Only the basics from this process: no settings leak in from the test run.
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production" as const, PORTAL_QUIET_LOGS: "1", ...settings, PORT: String(port) };
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "lib/runtime/cli.ts", "start"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    out.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group has gone
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => killGroup("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    // Anything of its group still here (a web server whose launcher was killed from outside).
    killGroup("SIGKILL");
    out.end();
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!output.includes(READY_LINE)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not start (${child.exitCode === null ? "timed out" : `exit ${child.exitCode}`}):\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { info: { name, port, pid: child.pid!, log }, stop };
}
