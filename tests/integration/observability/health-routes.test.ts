/**
 * /api/health/live and /api/health/ready through their route handlers, on the integration run's
 * real PostgreSQL, S3, SMTP (and clamd, where installed).
 */
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { createDb } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { workerHeartbeats } from "@/db/schema";
import { appSettings } from "@/lib/config/env";
import { checkReadiness, readinessChecks } from "@/lib/health/readiness";
import { findFreePort } from "@/lib/runtime/free-port";
import { getScanner } from "@/lib/scanning";
import { getStorage, Storage, storageSettingsFrom } from "@/lib/storage";
import { db } from "@/tests/support/auth-fixture";
import { freshDatabase } from "@/tests/support/fresh-database";

const beatingWorker = `health-routes-${randomUUID().slice(0, 8)}`;
const ownDatabase = freshDatabase("readiness");
let own: ReturnType<typeof createDb>;

beforeAll(async () => {
  await ownDatabase.create();
  await applyMigrations(ownDatabase.url);
  own = createDb(ownDatabase.url, { max: 2 });
});
afterAll(async () => {
  await db.delete(workerHeartbeats).where(eq(workerHeartbeats.workerId, beatingWorker));
  await own.close();
  await ownDatabase.drop();
});

/** The app's own parts, but this file's database (whose heartbeats it controls) and storage as given. */
const checksWith = (storage: Pick<Storage, "check"> = getStorage()) => readinessChecks({ db: own.db, storage, smtpUrl: appSettings().SMTP_URL, scanner: getScanner() });

describe("/api/health/live", () => {
  it("answers 200 with no-store and nothing but its status", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "live" });
  });
});

describe("/api/health/ready", () => {
  it("answers 200 when the database, storage, mail, scanner and a fresh worker heartbeat are all there", async () => {
    await db.insert(workerHeartbeats).values({ workerId: beatingWorker, beatAt: new Date() });
    const response = await ready();
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ready",
      parts: { database: "ok", storage: "ok", mail: "ok", scanner: "ok", jobWorker: "ok" },
      down: [],
    });
    expect(response.status).toBe(200);
  });

  it("is not ready, naming the job worker, when no worker has beaten in the last 30 seconds", async () => {
    expect(await checkReadiness(checksWith())).toMatchObject({ status: "not-ready", down: ["jobWorker"] });
    await own.db.insert(workerHeartbeats).values({ workerId: "stale-worker", beatAt: new Date(Date.now() - 45_000) });
    expect(await checkReadiness(checksWith())).toMatchObject({ status: "not-ready", down: ["jobWorker"] });
    await own.db.insert(workerHeartbeats).values({ workerId: "fresh-worker", beatAt: new Date() });
    expect(await checkReadiness(checksWith())).toMatchObject({ status: "ready", down: [] });
  });

  it("is not ready, naming storage, when the storage does not answer", async () => {
    const closedPort = await findFreePort();
    const nowhere = new Storage({ ...storageSettingsFrom(appSettings()), endpoint: `http://127.0.0.1:${closedPort}` });
    const report = await checkReadiness(checksWith(nowhere));
    expect(report.status).toBe("not-ready");
    expect(report.down).toEqual(["storage"]);
    expect(report.parts.database).toBe("ok");
  });
});
