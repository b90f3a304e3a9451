/**
 * Several instances starting at once (issue 18 point 2): each runs the migrations on start, on a
 * fresh database of its own made in the integration run's PostgreSQL. Under the advisory lock
 * they all succeed and every migration is applied exactly once; without it, two would race to
 * create the same types and tables and one would fail.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { applyMigrations, migrationsFolder } from "@/db/migrate";

const databaseName = `migrate_together_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const serverUrl = new URL(process.env.DATABASE_URL!);
const freshUrl = Object.assign(new URL(serverUrl.href), { pathname: `/${databaseName}` }).href;
const admin = postgres(serverUrl.href, { max: 1, onnotice: () => {} });

afterAll(async () => {
  await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
  await admin.end({ timeout: 5 });
});

it("four instances migrating one fresh database at once all start, and each migration is applied once", async () => {
  await admin.unsafe(`create database ${databaseName}`);
  const results = await Promise.allSettled([1, 2, 3, 4].map(() => applyMigrations(freshUrl)));
  expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);

  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  const fresh = postgres(freshUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await fresh<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(row?.n).toBe(journal.entries.length);
    // And the lock is not left held by anyone.
    const held = await fresh<{ n: number }[]>`select count(*)::int as n from pg_locks where locktype = 'advisory'`;
    expect(held[0]?.n).toBe(0);
  } finally {
    await fresh.end({ timeout: 5 });
  }
});
