/**
 * Web instances started at the same moment on a fresh database (issue 18 point 3: a platform
 * starts its containers together). Each does what the launcher does before serving: migrate,
 * make the council's row, start its job worker. Before the queue lock two workers making
 * pg-boss's queues at once met "deadlock detected", and production made no council at all, so
 * no account could be created.
 */
import postgres from "postgres";
import { afterAll, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { ensureCouncil } from "@/db/ensure-council";
import { applyMigrations } from "@/db/migrate";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { freshDatabase } from "@/tests/support/fresh-database";

const database = freshDatabase("start_together");
const workers: RunningWorker[] = [];

afterAll(async () => {
  for (const worker of workers) await worker.stop().catch(() => undefined);
  await database.drop();
});

async function startInstance(): Promise<RunningWorker> {
  await applyMigrations(database.url);
  const { db, close } = createDb(database.url, { max: 1 });
  await ensureCouncil(db, "Test Borough Council").finally(close);
  const worker = await startWorker({ databaseUrl: database.url, smtpUrl: process.env.SMTP_URL!, mailFrom: "children@portal.example", retryLimit: 1, retryDelaySeconds: 1 });
  workers.push(worker);
  return worker;
}

it("three instances starting together each start their worker, and there is one council", { timeout: 120_000 }, async () => {
  await database.create();
  const started = await Promise.allSettled([startInstance(), startInstance(), startInstance()]);
  expect(started.map((result) => (result.status === "rejected" ? String(result.reason) : "started"))).toEqual(["started", "started", "started"]);
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    expect(await sql`select name from councils`).toEqual([{ name: "Test Borough Council" }]);
    // A later start changes nothing, even with another council name in its settings.
    const { db, close } = createDb(database.url, { max: 1 });
    await ensureCouncil(db, "Renamed Council").finally(close);
    expect(await sql`select name from councils`).toEqual([{ name: "Test Borough Council" }]);
  } finally {
    await sql.end({ timeout: 5 });
  }
});
