/**
 * Every scheduled job runs once per schedule however many workers there are (issue 18 point 2).
 * Three workers on one fresh database, each with the daily jobs scheduled every minute instead,
 * for two minutes: each minute's housekeeping and two retention jobs were made exactly once.
 */
import postgres from "postgres";
import { freshDatabase } from "@/tests/support/fresh-database";
import { afterAll, expect, it } from "vitest";
import { applyMigrations } from "@/db/migrate";
import { QUEUES } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { waitFor } from "@/tests/support/wait-for";

const database = freshDatabase("scheduled_once");
const freshUrl = database.url;
const workers: RunningWorker[] = [];

afterAll(async () => {
  for (const worker of workers) await worker.stop().catch(() => undefined);
  await database.drop();
});

type PerMinute = { name: string; minute: string; n: number };

it("three workers make each scheduled job once per schedule", { timeout: 240_000 }, async () => {
  await database.create();
  await applyMigrations(freshUrl);
  const everyMinute = { draftHousekeeping: "* * * * *", mailRetention: "* * * * *", deliveredRetention: "* * * * *" };
  for (let i = 0; i < 3; i++) {
    workers.push(await startWorker({ databaseUrl: freshUrl, smtpUrl: process.env.SMTP_URL!, mailFrom: "children@portal.example", retryLimit: 1, retryDelaySeconds: 1, schedules: everyMinute }));
  }
  const fresh = postgres(freshUrl, { max: 1, onnotice: () => {} });
  try {
    const perMinute = () =>
      fresh<PerMinute[]>`select name, to_char(date_trunc('minute', created_on), 'HH24:MI') as minute, count(*)::int as n
        from pgboss.job where name in (${QUEUES.draftHousekeeping}, ${QUEUES.mailRetention}, ${QUEUES.deliveredRetention}) group by 1, 2 order by 2, 1`;
    // Until both jobs have been made in two different minutes (about two minutes).
    const rows = await waitFor(
      async () => {
        const found = await perMinute();
        const minutes = (name: string) => new Set(found.filter((row) => row.name === name).map((row) => row.minute)).size;
        return [QUEUES.draftHousekeeping, QUEUES.mailRetention, QUEUES.deliveredRetention].every((name) => minutes(name) >= 2) ? found : undefined;
      },
      200_000,
      "two minutes of scheduled jobs",
    );
    expect(rows.filter((row) => row.n !== 1)).toEqual([]);
  } finally {
    await fresh.end({ timeout: 5 });
  }
});
