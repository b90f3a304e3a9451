import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appSettings } from "@/lib/config/env";
import { createMailTransport } from "@/lib/mail/transport";
import { getPdfRenderer } from "@/lib/pdf";
import { getScanner } from "@/lib/scanning";
import { getStorage } from "@/lib/storage";
import type { HealthChecks } from "./check-health";
import { assertFreshHeartbeat, readinessChecks } from "./readiness";

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
    await assertFreshHeartbeat(getDb());
  },
};

/** /api/health/ready's checks, on the app's own database, storage, mail server and scanner. */
export function portalReadinessChecks() {
  return readinessChecks({ db: getDb(), storage: getStorage(), smtpUrl: appSettings().SMTP_URL, scanner: getScanner() });
}
