/**
 * Side by side with the peer (issue 19, point 3): the DEFRA forms engine
 * (`@defra/forms-engine-plugin` 8.0.1, hapi + Nunjucks + GOV.UK Frontend) started in the same
 * run by tests/bench/peer-server.mjs with its example form `test.json` and the in-memory session
 * cache, loaded the same way as our section page: the same load generator (forms.ts loadFor:
 * closed loop, one user per worker, `seconds` each, latencies of successful requests), 10 and
 * 50 users, ours and the peer's one after another (ours first) for each request and level,
 * `rounds` times, after a 3 s warm-up of each of the four.
 *
 * The peer is never a dependency of the portal: it is installed once into .data/bench-peer by
 * `npm install --prefix` (kept there and reused while its version is 8.0.1). BENCH_PEER=0 skips
 * this part.
 *
 * - Ours: GET of a signed-in user's five-question Professional's Details section, and its save
 *   (section-requests.ts), each user its own session and draft.
 * - Peer: GET of its one-question page /test/uk-passport ("Do you have a UK passport?", radios),
 *   and its POST (`ukPassport=true` with the CSRF crumb), a 303 to the next page. Each peer user
 *   first GETs the page once to get its session cookie and crumb, as a browser would, and keeps
 *   the cookies each answer sets.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/db/client";
import { findFreePort } from "@/lib/runtime/free-port";
import { databaseForTool } from "@/lib/runtime/running-postgres";
import { loadFor, type LoadResult } from "./forms";
import { getSection, readActionFields, saveSection } from "./section-requests";
import { makeSessions } from "./sessions";
import { summarise } from "./stats";

export const PEER_PACKAGE = "@defra/forms-engine-plugin";
export const PEER_VERSION = "8.0.1";
export const PEER_DIR = ".data/bench-peer";
const PEER_LEVELS = [10, 50] as const;
const PEER_PAGE = "/test/uk-passport";
const PEER_NEXT = "/test/how-many-people";

/** Installs the peer into PEER_DIR unless that version is already there; returns how it went. */
export async function ensurePeerInstalled(log: (line: string) => void): Promise<string> {
  const manifest = path.join(PEER_DIR, "node_modules", PEER_PACKAGE, "package.json");
  if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version === PEER_VERSION) return `${PEER_PACKAGE}@${PEER_VERSION} already in ${PEER_DIR}`;
  mkdirSync(PEER_DIR, { recursive: true });
  log(`  installing ${PEER_PACKAGE}@${PEER_VERSION} into ${PEER_DIR} (once) …`);
  // --ignore-scripts: its postinstall only sets up its own git hooks. Its engines ask for Node 22;
  // it runs on Node 20 too (see peer-server.mjs for the one thing that needed help).
  const args = ["install", "--prefix", PEER_DIR, "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact", `${PEER_PACKAGE}@${PEER_VERSION}`];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn("npm", args, { stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", resolve);
    child.on("error", () => resolve(-1));
  });
  if (code !== 0) throw new Error(`npm ${args.join(" ")} exited with ${code}`);
  return `${PEER_PACKAGE}@${PEER_VERSION} installed into ${PEER_DIR}`;
}

/** Starts peer-server.mjs on a free port; resolves once it says it is listening. */
async function startPeer(): Promise<{ base: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["tests/bench/peer-server.mjs", PEER_DIR, String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      ENFORCE_CSRF: "true",
      LOG_ENABLED: "false",
      SESSION_COOKIE_PASSWORD: `bench-peer-${crypto.randomUUID()}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the peer did not start in 60 s:\n${output.slice(-2000)}`)), 60_000);
    const read = (data: Buffer) => {
      output += data.toString();
      if (output.includes("peer listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the peer exited with ${code} before it listened:\n${output.slice(-2000)}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Cookies as a browser keeps them for one origin: name → value, from each answer's Set-Cookie. */
export class CookieJar {
  private readonly values = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      if (at > 0) this.values.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  get(name: string): string | undefined {
    return this.values.get(name);
  }
  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

type PeerUser = { jar: CookieJar; crumb: string };

async function preparePeerUsers(base: string, count: number): Promise<PeerUser[]> {
  const peerUsers: PeerUser[] = [];
  for (let index = 0; index < count; index += 1) {
    const jar = new CookieJar();
    const response = await fetch(`${base}${PEER_PAGE}`, { redirect: "manual" });
    jar.take(response);
    const html = await response.text();
    if (response.status !== 200 || !html.includes("Do you have a UK passport?")) throw new Error(`the peer's ${PEER_PAGE} answered ${response.status}`);
    const crumb = html.match(/name="crumb" value="([^"]+)"/)?.[1] ?? jar.get("crumb");
    if (!crumb || !jar.get("session")) throw new Error("the peer's page gave no crumb or session cookie");
    peerUsers.push({ jar, crumb });
  }
  return peerUsers;
}

export type PeerRow = { request: "GET" | "POST"; users: number; round: number; ours: LoadResult; peer: LoadResult };
export type PeerReport = { install: string; rows: PeerRow[]; rounds: number; seconds: number; loadBefore: number };

export async function runPeerBench(options: { base: string; dataDir: string; seconds: number; rounds: number; log: (line: string) => void }): Promise<PeerReport> {
  const { base, seconds, log } = options;
  const install = await ensurePeerInstalled(log);
  log("  starting the peer …");
  const peer = await startPeer();
  const database = await databaseForTool({ DATA_DIR: options.dataDir });
  const { db, close } = createDb(database.url, { max: 4 });
  try {
    const maxUsers = Math.max(...PEER_LEVELS);
    const ours = await readActionFields(base, await makeSessions(db, options.dataDir, "bench-side", maxUsers));
    const theirs = await preparePeerUsers(peer.base, maxUsers);
    let saves = 0;
    let posts = 0;
    const ourGet = (worker: number) => getSection(base, ours[worker]!);
    const ourSave = (worker: number) => saveSection(base, db, ours[worker]!, `side save ${++saves}`);
    const peerGet = async (worker: number): Promise<true | string> => {
      const user = theirs[worker]!;
      const response = await fetch(`${peer.base}${PEER_PAGE}`, { headers: { cookie: user.jar.header() }, redirect: "manual" });
      user.jar.take(response);
      await response.arrayBuffer();
      return response.status === 200 || `peer GET answered ${response.status}`;
    };
    const peerPost = async (worker: number): Promise<true | string> => {
      const user = theirs[worker]!;
      posts += 1;
      const response = await fetch(`${peer.base}${PEER_PAGE}`, {
        method: "POST",
        headers: { cookie: user.jar.header(), "content-type": "application/x-www-form-urlencoded", origin: peer.base },
        body: new URLSearchParams({ crumb: user.crumb, ukPassport: "true" }).toString(),
        redirect: "manual",
      });
      user.jar.take(response);
      await response.arrayBuffer();
      const location = response.headers.get("location") ?? "";
      return (response.status === 303 && location.endsWith(PEER_NEXT)) || `peer POST answered ${response.status} ${location}`;
    };
    const pairs = [
      { request: "GET" as const, ours: ourGet, peer: peerGet },
      { request: "POST" as const, ours: ourSave, peer: peerPost },
    ];
    for (const pair of pairs) {
      await loadFor("warm-up", 10, 3, pair.ours);
      await loadFor("warm-up", 10, 3, pair.peer);
    }
    const loadBefore = os.loadavg()[0] ?? NaN;
    const rows: PeerRow[] = [];
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const pair of pairs) {
        for (const users of PEER_LEVELS) {
          log(`  round ${round}: ${pair.request} at ${users} users, ours then the peer's, ${seconds} s each …`);
          const ourResult = await loadFor(`ours ${pair.request}`, users, seconds, pair.ours);
          const peerResult = await loadFor(`peer ${pair.request}`, users, seconds, pair.peer);
          rows.push({ request: pair.request, users, round, ours: ourResult, peer: peerResult });
        }
      }
    }
    log(`  (${saves} saves and ${posts} peer POSTs sent)`);
    return { install, rows, rounds: options.rounds, seconds, loadBefore };
  } finally {
    await close();
    await database.stop();
    await peer.stop();
  }
}

const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");

function figures(result: LoadResult) {
  const summary = summarise(result.latencies);
  return { throughput: result.latencies.length / result.seconds, p50: summary.p50, p95: summary.p95, errors: result.errors };
}

function rowFigures(row: PeerRow) {
  const ours = figures(row.ours);
  const peer = figures(row.peer);
  return { ours, peer, p95Ratio: ours.p95 / peer.p95, throughputRatio: ours.throughput / peer.throughput };
}

const ourLabel = (request: "GET" | "POST") => (request === "GET" ? "section GET / one-question GET" : "section save / one-question POST");

function verdict(report: PeerReport): string {
  const behind = report.rows.filter((row) => {
    const { p95Ratio, throughputRatio } = rowFigures(row);
    return !(p95Ratio <= 1 && throughputRatio >= 1);
  });
  return behind.length === 0
    ? "ours at least as fast as the peer (p95 no higher, throughput no lower) in every row: met"
    : `ours at least as fast as the peer in ${report.rows.length - behind.length} of ${report.rows.length} rows: not met`;
}

export function peerText(report: PeerReport): string[] {
  const header = `${"".padEnd(32)} ${"users".padStart(5)} ${"round".padStart(5)} ${"ours/s".padStart(8)} ${"peer/s".padStart(8)} ${"ratio".padStart(6)} ${"ours p95".padStart(9)} ${"peer p95".padStart(9)} ${"ratio".padStart(6)} ${"errors".padStart(9)}`;
  const lines = report.rows.map((row) => {
    const { ours, peer, p95Ratio, throughputRatio } = rowFigures(row);
    return `${ourLabel(row.request).padEnd(32)} ${String(row.users).padStart(5)} ${String(row.round).padStart(5)} ${fixed(ours.throughput).padStart(8)} ${fixed(peer.throughput).padStart(8)} ${throughputRatio.toFixed(2).padStart(6)} ${fixed(ours.p95).padStart(9)} ${fixed(peer.p95).padStart(9)} ${p95Ratio.toFixed(2).padStart(6)} ${`${ours.errors}/${peer.errors}`.padStart(9)}`;
  });
  const errors = report.rows.flatMap((row) => [row.ours, row.peer].filter((result) => result.firstError).map((result) => `  first error, ${result.target} at ${row.users}: ${result.firstError}`));
  return [report.install, header, ...lines, verdict(report), ...errors];
}

export function peerMarkdown(report: PeerReport, machine: string, date: string): string {
  const rows = report.rows.map((row) => {
    const { ours, peer, p95Ratio, throughputRatio } = rowFigures(row);
    return `| ${ourLabel(row.request)} | ${row.users} | ${row.round} | ${fixed(ours.throughput)} | ${fixed(peer.throughput)} | ${throughputRatio.toFixed(2)} | ${fixed(ours.p95)} | ${fixed(peer.p95)} | ${p95Ratio.toFixed(2)} | ${ours.errors} / ${peer.errors} |`;
  });
  const errors = report.rows.flatMap((row) => [row.ours, row.peer].filter((result) => result.firstError).map((result) => `- First error, ${result.target} at ${row.users} users: \`${result.firstError}\``));
  return [
    "## Side by side with the DEFRA forms engine",
    "",
    `Machine: ${machine}  `,
    `Date: ${date}  `,
    `Load average (1 min) just before the load: ${report.loadBefore.toFixed(2)}  `,
    `Peer: ${PEER_PACKAGE} ${PEER_VERSION} from npm (hapi, Nunjucks, GOV.UK Frontend), started by the bench with the package's own server, its example form \`test.json\` and hapi's in-memory session cache, templates cached as in production, CSRF crumbs enforced (tests/bench/peer-server.mjs); installed into ${PEER_DIR}, not a dependency of the portal. ` +
      `Both on the same machine at the same time, loaded by the same closed-loop load generator (forms.ts loadFor), ${report.seconds} s per cell, ours then the peer's for each request and level, ${report.rounds} round${report.rounds === 1 ? "" : "s"}, after a 3 s warm-up of each. ` +
      "Ours: a signed-in user's five-question Professional's Details section, GET (whole HTML) and save (the no-JavaScript post, to its 303). " +
      "Peer: its one-question page `/test/uk-passport`, GET and POST (`ukPassport=true` with the crumb from the user's first GET, to its 303). " +
      "Ratios are ours / peer: throughput above 1 and p95 below 1 mean ours is faster. How: tests/bench/peer.ts.",
    "",
    "| Request (ours / peer) | Users | Round | Ours (req/s) | Peer (req/s) | Throughput ratio | Ours p95 (ms) | Peer p95 (ms) | p95 ratio | Errors (ours / peer) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `**Verdict:** ${verdict(report)}`,
    ...(errors.length ? ["", ...errors] : []),
  ].join("\n");
}
