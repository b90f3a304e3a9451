/**
 * `npm run backup:check`: proves that a backup of the portal restores. It takes a `pg_dump` of
 * the configured database (DATABASE_URL, else the embedded one in DATA_DIR) and a copy of every
 * object in the bucket (S3_*, else the embedded s3rver's folder), restores both into a fresh
 * embedded PostgreSQL and S3 in a temporary folder, and compares the row count of every table
 * and the SHA-256 of every object. It prints a report and exits 0 when all match, 1 on any
 * difference, 2 when it could not run (no suitable pg_dump, an unreachable source).
 *
 * The counts are taken in the snapshot the dump is made from (pg_export_snapshot, pg_dump
 * --snapshot), so a live portal writing meanwhile makes no false difference. Nothing is written
 * to the source. The copy is the check's own; production restores come from the database's
 * point-in-time recovery and the bucket's versions (docs/operations.md).
 *
 * pg_dump must be at least the server's major version (PostgreSQL 18 for the embedded database):
 * PG_DUMP names it when it is not the one on PATH.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { readLaunchSettings } from "@/lib/config/env";
import { Storage } from "@/lib/storage";
import { compareObjects, compareTables, describeDifference } from "./backup-check/compare";
import { copyBucketToFolder, checksumsOf, restoreFolderToBucket } from "./backup-check/bucket";
import { describeDatabase, findPgTools, libpqTarget, runPgProgram, type PgTools } from "./backup-check/pg-tools";
import { databaseForTool } from "./running-postgres";

type Stoppable = { stop: () => Promise<void> };

class CannotRun extends Error {}

const TABLES_SQL = `
  select n.nspname as schema, c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
  order by 1, 2`;

async function countRows(sql: postgres.Sql | postgres.TransactionSql): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const tables = await sql.unsafe<{ schema: string; name: string }[]>(TABLES_SQL);
  for (const { schema, name } of tables) {
    const [row] = await sql<{ n: string }[]>`select count(*)::text as n from ${sql(schema)}.${sql(name)}`;
    counts.set(`${schema}.${name}`, Number(row!.n));
  }
  return counts;
}

function requirePgTools(serverMajor: number): PgTools {
  const tools = findPgTools();
  if (!tools) throw new CannotRun("No pg_dump found (with pg_restore beside it). Install PostgreSQL's client programs, or set PG_DUMP to pg_dump's path.");
  if (tools.major < serverMajor) {
    throw new CannotRun(
      `${tools.pgDump} is ${tools.version}, which cannot dump a PostgreSQL ${serverMajor} server (pg_dump must be the server's major version or newer). ` +
        `Install postgresql-client-${serverMajor} (PostgreSQL's own apt repository has it) and set PG_DUMP to its pg_dump.`,
    );
  }
  return tools;
}

/** Dumps the source and counts its rows in one snapshot. */
async function dumpSource(databaseUrl: string, dumpFile: string): Promise<{ counts: Map<string, number>; tools: PgTools; serverMajor: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [version] = await sql<{ server_version_num: string }[]>`show server_version_num`;
    const serverMajor = Math.floor(Number(version!.server_version_num) / 10_000);
    const tools = requirePgTools(serverMajor);
    const target = libpqTarget(databaseUrl);
    const counts = await sql.begin("isolation level repeatable read read only", async (tx) => {
      const [{ snapshot } = { snapshot: "" }] = await tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`;
      const rows = await countRows(tx);
      // The snapshot lives as long as this transaction: the dump must finish inside it.
      await runPgProgram(tools.pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${dumpFile}`, `--dbname=${target.uri}`], target.password);
      return rows;
    });
    return { counts, tools, serverMajor };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function sourceStorage(settings: ReturnType<typeof readLaunchSettings>, started: Stoppable[]): Promise<Storage> | Storage {
  if (settings.S3_ENDPOINT) {
    return new Storage({
      endpoint: settings.S3_ENDPOINT,
      region: settings.S3_REGION,
      bucket: settings.S3_BUCKET,
      accessKeyId: settings.S3_ACCESS_KEY_ID ?? "",
      secretAccessKey: settings.S3_SECRET_ACCESS_KEY ?? "",
      forcePathStyle: settings.S3_FORCE_PATH_STYLE,
      isEmbedded: settings.S3_EMBEDDED === "1",
    });
  }
  // The embedded s3rver keeps its objects as files: a second server on the same folder reads them.
  return embeddedStorage(path.resolve(settings.DATA_DIR, "s3"), settings.S3_BUCKET, settings.S3_REGION, started);
}

async function embeddedStorage(folder: string, bucket: string, region: string, started: Stoppable[]): Promise<Storage> {
  const { EMBEDDED_S3_KEY, startEmbeddedS3 } = await import("./embedded-s3");
  const server = await startEmbeddedS3(folder, bucket);
  started.push(server);
  return new Storage({ endpoint: server.url, region, bucket, accessKeyId: EMBEDDED_S3_KEY, secretAccessKey: EMBEDDED_S3_KEY, forcePathStyle: true, isEmbedded: true });
}

async function main(): Promise<number> {
  const settings = readLaunchSettings();
  const workDir = mkdtempSync(path.join(os.tmpdir(), "portal-backup-check-"));
  const started: Stoppable[] = [];
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const source = await databaseForTool(settings);
    started.push(source);
    say(`Backup check of ${describeDatabase(source.url)} and bucket ${settings.S3_BUCKET}${settings.S3_ENDPOINT ? ` at ${new URL(settings.S3_ENDPOINT).host}` : " (embedded)"}`);

    // The copies are personal data: in a folder of this user's alone (as root, the fresh
    // PostgreSQL's user must reach the work folder itself, which is then opened to others).
    const copyDir = path.join(workDir, "copy");
    mkdirSync(copyDir, { mode: 0o700 });
    const dumpFile = path.join(copyDir, "portal.dump");
    const { counts: sourceCounts, tools, serverMajor } = await dumpSource(source.url, dumpFile);
    say(`  dumped with ${tools.version} from PostgreSQL ${serverMajor}: ${sourceCounts.size} tables`);
    const bucketCopy = await copyBucketToFolder(await sourceStorage(settings, started), path.join(copyDir, "bucket"));
    say(`  copied ${bucketCopy.checksums.size} objects (${bucketCopy.bytes} bytes)`);

    // The fresh environment: embedded PostgreSQL and S3 in the temporary folder, nothing shared.
    const { startEmbeddedPostgres } = await import("./embedded-postgres");
    const fresh = await startEmbeddedPostgres(path.join(workDir, "pg"));
    started.push(fresh);
    const target = libpqTarget(fresh.url);
    await runPgProgram(tools.pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${target.uri}`, dumpFile], target.password);
    const freshStorage = await embeddedStorage(path.join(copyDir, "s3"), settings.S3_BUCKET, settings.S3_REGION, started);
    await restoreFolderToBucket(path.join(copyDir, "bucket"), bucketCopy.checksums.keys(), freshStorage);
    say("  restored into a fresh embedded PostgreSQL and S3");

    const restoredSql = postgres(fresh.url, { max: 1, onnotice: () => {} });
    const restoredCounts = await countRows(restoredSql).finally(() => restoredSql.end({ timeout: 5 }));
    const differences = [...compareTables(sourceCounts, restoredCounts), ...compareObjects(bucketCopy.checksums, await checksumsOf(freshStorage))];

    const rows = [...sourceCounts.values()].reduce((sum, n) => sum + n, 0);
    say(`  tables: ${sourceCounts.size} compared, ${rows} rows in the source`);
    say(`  objects: ${bucketCopy.checksums.size} compared by SHA-256`);
    if (differences.length === 0) {
      say("Backup check passed: every table's row count and every object's checksum match.");
      return 0;
    }
    for (const difference of differences) say(`  DIFFERENCE: ${describeDifference(difference)}`);
    say(`Backup check FAILED: ${differences.length} difference(s).`);
    return 1;
  } finally {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`The backup check could not run: ${message}\n`);
    process.exit(2);
  },
);
