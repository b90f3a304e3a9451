/**
 * WEB_CONCURRENCY=2 (issue 19): the production web server (lib/runtime/web-server.ts, the built
 * app, the integration run's real PostgreSQL, S3 and SMTP) runs two web processes on one port
 * under a primary (lib/runtime/web-cluster.ts). Both answer requests (each request's log line
 * names its process), /api/metrics reports both processes' requests and the database gauges once,
 * a killed process is replaced while the other keeps answering (and its counts stay in the
 * totals), and SIGTERM stops it all, exit 0.
 *
 * Requests that must spread over the processes go on a connection of their own: the primary hands
 * out connections in turn, and a kept-alive connection stays with one process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "@/lib/runtime/build";
import { findFreePort } from "@/lib/runtime/free-port";
import { isAlive } from "@/lib/runtime/is-alive";
import { waitFor } from "@/tests/support/wait-for";

const TOKEN = "metrics-token-for-the-web-processes-test";
let server: ChildProcess;
let output = "";
let exited: Promise<number | null>;
let base = "";

beforeAll(async () => {
  // The first integration file that needs the build makes it (the launcher's test would too).
  ensureBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  const settings = Object.fromEntries(Object.entries(process.env).filter(([name]) => /^(DATABASE_URL|S3_|SMTP_URL|MAIL_FROM|AUTH_SECRET|CLAMAV_|CHROMIUM_PATH|DEV_MAILBOX_DIR|DATA_DIR)/.test(name))) as Record<string, string>;
  server = spawn(process.execPath, ["--import", "tsx", "lib/runtime/web-server.ts", "start"], {
    // Logs on: each request's http.request line carries the pid of the process that answered it.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...settings, PORT: String(port), APP_URL: base, METRICS_TOKEN: TOKEN, WEB_CONCURRENCY: "2", PORTAL_QUIET_LOGS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  await waitFor(async () => (await onNewConnection("/api/health/live").catch(() => undefined))?.status === 200, 120_000, "the web server to answer");
  // Both processes listening, not only the first.
  await waitFor(async () => metricValue(await scrape(), "portal_web_processes") === 2, 60_000, "two web processes");
}, 600_000);

afterAll(() => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
});

/** One GET on a connection of its own (no keep-alive), so the primary may hand it to either process. */
function onNewConnection(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
  });
}

async function scrape(): Promise<string> {
  const response = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** A sample's value: `name` with exactly these labels (written as in the text, or none). */
function metricValue(text: string, name: string, labels = ""): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

const LIVE_COUNT = 'portal_http_request_duration_seconds_count{method="GET",route="/api/health/live",status="200"}';
const liveCount = (text: string) => metricValue(text, LIVE_COUNT.slice(0, LIVE_COUNT.indexOf("{")), LIVE_COUNT.slice(LIVE_COUNT.indexOf("{"))) ?? 0;

/** The JSON log lines written after `from` characters of output. */
function logLines(from = 0): Record<string, unknown>[] {
  return output
    .slice(from)
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The pids of the processes that logged an http.request line for `route` after `from` characters of output. */
function answeringPids(route: string, from = 0): Set<number> {
  return new Set(logLines(from).flatMap((entry) => (entry.event === "http.request" && entry.route === route ? [entry.pid as number] : [])));
}

/** The web server's web processes: its children running web-server.ts (not, say, tsx's esbuild). */
function webProcesses(): number[] {
  const primary = String(server.pid);
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const isChild = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\)\s/s, "").split(" ")[1] === primary;
        return isChild && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("web-server.ts");
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe("two web processes on one port", () => {
  it("both answer, and /api/metrics counts both processes' requests and reads the database gauges once", async () => {
    const before = liveCount(await scrape());
    const logged = output.length;
    for (let request = 0; request < 20; request++) expect((await onNewConnection("/api/health/live")).status).toBe(200);

    const processes = webProcesses();
    expect(processes).toHaveLength(2);
    expect([...answeringPids("/api/health/live", logged)].sort()).toEqual([...processes].sort());

    const text = await scrape();
    // Every one of the 20, whichever process answered: the instance's total, not one process's.
    expect(liveCount(text) - before).toBe(20);
    expect(metricValue(text, "portal_web_processes")).toBe(2);
    // Read from shared rows: once, with the database's own figure, never one per process added up.
    expect(text.split("\n").filter((line) => line.startsWith("portal_mail_outbox_pending "))).toHaveLength(1);
    const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ pending: number }[]>`select count(*)::int as pending from mail_outbox where status = 'pending'`;
      expect(metricValue(text, "portal_mail_outbox_pending")).toBe(row!.pending);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it("replaces a process that is killed, the other answering meanwhile, and the totals keep the dead one's counts", async () => {
    const [killed, survivor] = webProcesses();
    const beforeKill = liveCount(await scrape());
    process.kill(killed!, "SIGKILL");
    await waitFor(() => !isAlive(killed!), 10_000, "the killed process to be gone");
    const logged = output.length;
    for (let request = 0; request < 6; request++) expect((await onNewConnection("/api/health/live")).status).toBe(200);
    expect(answeringPids("/api/health/live", logged)).toEqual(new Set([survivor]));

    const replacement = await waitFor(() => webProcesses().find((pid) => pid !== survivor && pid !== killed), 30_000, "a new web process");
    await waitFor(async () => metricValue(await scrape(), "portal_web_processes") === 2, 60_000, "the new process to listen");
    expect(metricValue(await scrape(), "portal_web_process_restarts_total")).toBe(1);
    expect(logLines().filter((entry) => entry.event === "web.process-died")).toEqual([expect.objectContaining({ webProcessPid: killed, signal: "SIGKILL", restartInMs: 1_000 })]);

    const later = output.length;
    for (let request = 0; request < 10; request++) expect((await onNewConnection("/api/health/live")).status).toBe(200);
    expect(answeringPids("/api/health/live", later)).toEqual(new Set([survivor, replacement]));
    // Counted before the kill (kept by the primary), plus the 6 and the 10 since: the total never went down.
    expect(liveCount(await scrape())).toBe(beforeKill + 16);
  });

  it("stops on SIGTERM with exit 0, its web processes with it", async () => {
    const processes = webProcesses();
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    await waitFor(() => processes.every((pid) => !isAlive(pid)), 10_000, "every web process to exit");
    await expect(onNewConnection("/api/health/live")).rejects.toThrow();
  });
});
