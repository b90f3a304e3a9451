import "server-only";
import { sql, desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workerHeartbeats } from "@/db/schema";
import { appSettings } from "@/lib/config/env";
import { createMailTransport } from "@/lib/mail/transport";
import { getPdfRenderer } from "@/lib/pdf";
import { getStorage } from "@/lib/storage";
import type { HealthChecks } from "./check-health";

/** A worker that has not stamped its heartbeat for this long is counted as down. */
const WORKER_STALE_MS = 30_000;

export const portalHealthChecks: HealthChecks = {
  async database() {
    await getDb().execute(sql`select 1`);
  },
  async storage() {
    await getStorage().check();
  },
  async mail() {
    const transport = createMailTransport(appSettings().SMTP_URL);
    try {
      await transport.verify();
    } finally {
      transport.close();
    }
  },
  async browser() {
    await (await getPdfRenderer()).version();
  },
  async jobWorker() {
    const [newest] = await getDb()
      .select({ beatAt: workerHeartbeats.beatAt })
      .from(workerHeartbeats)
      .orderBy(desc(workerHeartbeats.beatAt))
      .limit(1);
    if (!newest || Date.now() - newest.beatAt.getTime() > WORKER_STALE_MS) throw new Error("no recent heartbeat");
  },
};
