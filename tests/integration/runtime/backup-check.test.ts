/**
 * `npm run backup:check` end to end: a source database (migrated, with rows) and a bucket (with a
 * small object and one large enough to be uploaded in parts), dumped, copied, restored into a
 * fresh embedded PostgreSQL 18 and S3, and compared. The source is a Debian PostgreSQL of the
 * machine's pg_dump version (see tests/support/debian-postgres.ts), so the restore also crosses
 * major versions, as a real upgrade drill does.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/db/migrate";
import { createDb } from "@/db/client";
import { councils } from "@/db/schema";
import { createStaffAccount } from "@/lib/auth/staff";
import { Storage } from "@/lib/storage";
import { EMBEDDED_S3_KEY, startEmbeddedS3 } from "@/lib/runtime/embedded-s3";
import { findPgTools } from "@/lib/runtime/backup-check/pg-tools";
import { startDebianPostgres, type DebianPostgres } from "../../support/debian-postgres";

let workDir: string;
let source: DebianPostgres;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), "backup-check-test-"));
  const tools = findPgTools();
  if (!tools) throw new Error("pg_dump is not installed: .ci/run installs Debian's PostgreSQL");
  source = await startDebianPostgres(path.join(workDir, "source-pg"), tools.major);
  await applyMigrations(source.url);
  const { db, close } = createDb(source.url, { max: 1 });
  await db.insert(councils).values({ slug: "backup", name: "Backup Borough Council" });
  for (const name of ["Ada", "Grace"]) {
    await createStaffAccount(db, { email: `${name.toLowerCase()}@council.example`, role: "admin", forename: name, surname: "Backup", now: new Date() });
  }
  await close();
  const s3 = await startEmbeddedS3(path.join(workDir, "data", "s3"), "childrens-portal");
  const storage = new Storage({ endpoint: s3.url, region: "eu-west-2", bucket: "childrens-portal", accessKeyId: EMBEDDED_S3_KEY, secretAccessKey: EMBEDDED_S3_KEY, forcePathStyle: true, isEmbedded: true });
  await storage.put("attachments/one/small.txt", "a referral's attachment");
  await storage.put("pdfs/two/large.pdf", randomBytes(6 * 1024 * 1024));
  await s3.stop();
}, 120_000);

afterAll(async () => {
  await source?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe("npm run backup:check", () => {
  it("restores the dump and the bucket copy into a fresh environment and finds every row and object", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "lib/runtime/backup-check.ts"], {
      env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: source.url, DATA_DIR: path.join(workDir, "data") },
      encoding: "utf8",
      timeout: 110_000,
    });
    expect(run.stderr).not.toMatch(/could not run/);
    expect(run.stdout).toMatch(/objects: 2 compared by SHA-256/);
    expect(run.stdout).toMatch(/Backup check passed/);
    // The users table came across with its rows, counted in the source and in the restore.
    expect(run.stdout).toMatch(/tables: \d+ compared/);
    expect(run.status).toBe(0);
  }, 120_000);
});
