/**
 * Several instances starting at once (issue 18 point 2): each runs the migrations on start, on a
 * fresh database of its own made in the integration run's PostgreSQL. Under the advisory lock
 * they all succeed and every migration is applied exactly once; without it, two would race to
 * create the same types and tables and one would fail.
 */
import postgres from "postgres";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freshDatabase } from "@/tests/support/fresh-database";
import { afterAll, expect, it } from "vitest";
import { applyMigrations, migrationsFolder } from "@/db/migrate";

const database = freshDatabase("migrate_together");
const freshUrl = database.url;

afterAll(async () => {
  await database.drop();
});

it("four instances migrating one fresh database at once all start, and each migration is applied once", async () => {
  await database.create();
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
