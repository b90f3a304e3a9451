/**
 * `npm run worker` (issue 18 point 2): the job worker in a process of its own. Outside a
 * deployment it refuses to start and says why; in production mode, on a fresh database of its
 * own with the integration run's real S3, SMTP and clamd standing in for a council's, it
 * migrates, delivers queued mail through the real SMTP server, stamps the heartbeat /api/health
 * reads, and stops cleanly (exit 0) on SIGTERM.
 */
import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { freshDatabase } from "@/tests/support/fresh-database";
import { afterAll, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { mailOutbox, workerHeartbeats } from "@/db/schema";
import { executorFor } from "@/lib/jobs/sql-executor";
import { queueEmail } from "@/lib/mail/queue-email";
import { waitFor } from "@/tests/support/wait-for";

const database = freshDatabase("worker_process");
const freshUrl = database.url;

afterAll(async () => {
  await database.drop();
});

function runWorker(env: Record<string, string>) {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "lib/runtime/worker-cli.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", PORTAL_QUIET_LOGS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

it("outside a deployment it refuses to start, and says npm start runs the worker itself", async () => {
  const worker = runWorker({ DATA_DIR: ".data/test-worker-refused" });
  expect(await worker.exited).toBe(1);
  expect(worker.output()).toContain("npm run worker is for a deployment");
  expect(worker.output()).toContain("npm start runs the worker itself");
});

it("in production it migrates, delivers queued mail, beats, and stops cleanly on SIGTERM", { timeout: 180_000 }, async () => {
  await database.create();
  const worker = runWorker({
    DATA_DIR: ".data/test-worker-production",
    DATABASE_URL: freshUrl,
    S3_ENDPOINT: process.env.S3_ENDPOINT!,
    S3_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID!,
    S3_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY!,
    SMTP_URL: process.env.SMTP_URL!,
    AUTH_SECRET: "a-production-secret-of-at-least-32-characters",
    APP_URL: "https://childrens-portal.example.gov.uk",
    CLAMAV_URL: process.env.CLAMAV_URL!,
    ADDRESS_PROVIDER: "os-places",
    OS_PLACES_API_KEY: "not-called-by-the-worker",
  });
  try {
    await waitFor(() => worker.output().includes("running"), 120_000, "the worker to start");
    const { db, close } = createDb(freshUrl, { max: 2 });
    try {
      expect(await db.select().from(workerHeartbeats)).toHaveLength(1);
      // A web instance queues an email in its transaction; this worker, and nothing else, sends it.
      const sender = new PgBoss({ db: executorFor(db), supervise: false, schedule: false, migrate: false });
      const outboxId = await queueEmail(db, sender, { to: "someone@example.org", subject: "Worker test", html: "<p>Hello</p>", text: "Hello", template: "test" });
      await waitFor(async () => (await db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, outboxId)))[0]?.status === "sent", 60_000, "the email to be sent");
    } finally {
      await close();
    }
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain("Job worker stopping (SIGTERM)");
  } finally {
    if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
  }
});
