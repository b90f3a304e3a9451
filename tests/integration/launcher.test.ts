import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { networkInterfaces } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/lib/runtime/free-port";
import { launchPortal, waitForBanner, type LaunchedPortal } from "@/tests/support/launch-portal";
import { waitFor } from "@/tests/support/wait-for";

// What a newcomer does: start with no settings, use it, Ctrl-C, start again.
const dataDir = path.resolve(".data/test-launcher");
const launched: LaunchedPortal[] = [];

function processesUsing(dir: string): string[] {
  try {
    return execFileSync("pgrep", ["-a", "-f", dir], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startPortal(extraEnv: Record<string, string> = {}) {
  const port = await findFreePort();
  const portal = launchPortal({ DATA_DIR: dataDir, PORT: String(port), PORTAL_QUIET_LOGS: "1", ...extraEnv });
  launched.push(portal);
  // The first start in a fresh checkout builds the app.
  await waitForBanner(portal, 400_000);
  return { portal, base: `http://127.0.0.1:${port}` };
}

async function stopWithCtrlC(portal: LaunchedPortal) {
  portal.child.kill("SIGINT");
  await portal.exited;
}

afterAll(async () => {
  for (const portal of launched) if (portal.child.exitCode === null) portal.child.kill("SIGKILL");
});

describe("npm start", () => {
  it("refuses to start with a malformed DATABASE_URL and names it", async () => {
    const portal = launchPortal({ DATABASE_URL: "postgres//missing-colon", DATA_DIR: dataDir });
    expect(await portal.exited).toBe(1);
    expect(portal.output()).toContain("DATABASE_URL must be a postgres:// or postgresql:// URL");
  });

  it("serves the portal on embedded services, stops cleanly on Ctrl-C, and starts again", { timeout: 600_000 }, async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const first = await startPortal();
    expect(first.portal.output()).toContain("caseworker@demo-council.example");

    const health = await fetch(`${first.base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: "ok",
      parts: { database: "ok", storage: "ok", mail: "ok", browser: "ok", jobWorker: "ok" },
    });
    const home = await fetch(first.base);
    expect(await home.text()).toContain("Children&#x27;s Portal");
    expect((await fetch(`${first.base}/dev/mailbox`)).status).toBe(200);
    // With no HOST setting it listens on loopback only, and says so.
    expect(first.portal.output()).toMatch(/Listening\s+127\.0\.0\.1:\d+\s+\(this machine only/);
    const outward = Object.values(networkInterfaces()).flat().find((face) => face && face.family === "IPv4" && !face.internal);
    if (outward) await expect(fetch(`http://${outward.address}:${new URL(first.base).port}/api/health`)).rejects.toThrow();

    await stopWithCtrlC(first.portal);
    await waitFor(() => processesUsing(dataDir).length === 0, 15_000, "every process to stop");
    expect(processesUsing(dataDir)).toEqual([]);

    const second = await startPortal();
    expect((await fetch(`${second.base}/api/health`)).status).toBe(200);
    await stopWithCtrlC(second.portal);
    await waitFor(() => processesUsing(dataDir).length === 0, 15_000, "every process to stop");
  });

  it("starts and stops five times, once with its database already gone: every stop is clean and leaves no process", { timeout: 600_000 }, async () => {
    const stops: string[] = [];
    for (let round = 1; round <= 5; round++) {
      // Logs on: a worker that outlives its database would log 57P01 ("terminating connection").
      const { portal } = await startPortal({ PORTAL_QUIET_LOGS: "0" });
      const isDatabaseGone = round === 3;
      if (isDatabaseGone) {
        const postmaster = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
        process.kill(postmaster, "SIGKILL");
        await waitFor(() => !isAlive(postmaster), 10_000, "the database to be gone");
      }
      const before = portal.output().length;
      const started = Date.now();
      await stopWithCtrlC(portal);
      stops.push(`${isDatabaseGone ? "database gone" : "normal"}: ${Date.now() - started} ms`);
      await waitFor(() => processesUsing(dataDir).length === 0, 15_000, "every process to stop");
      if (!isDatabaseGone) expect(portal.output().slice(before)).not.toContain("57P01");
    }
    // For the record (issue 18 point 5 asks for at most 10 s): printed, not asserted.
    process.stdout.write(`launcher stop times: ${stops.join("; ")}\n`);
  });

  it("refuses a partial production set, naming every missing setting, and starts nothing embedded", async () => {
    const freshDir = path.resolve(".data/test-launcher-partial");
    rmSync(freshDir, { recursive: true, force: true });
    // A deployment that set its mail server and forgot the rest.
    const portal = launchPortal({ SMTP_URL: "smtp://mailer:secret@smtp.example.gov.uk:587", DATA_DIR: freshDir });
    expect(await portal.exited).toBe(1);
    expect(portal.output()).toContain("Production mode");
    for (const name of ["DATABASE_URL", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "AUTH_SECRET", "APP_URL", "CLAMAV_URL", "ADDRESS_PROVIDER", "OS_PLACES_API_KEY"]) {
      expect(portal.output()).toContain(`${name} is missing`);
    }
    expect(portal.output()).not.toContain("SMTP_URL is missing");
    // Nothing was started or written: no embedded database, storage or mailbox.
    expect(existsSync(freshDir)).toBe(false);
  });

  it("in production with every setting given starts nothing embedded: health names mail when it is down, no mailbox, no demo data", { timeout: 300_000 }, async () => {
    // The integration run's own services stand in for a council's (a database of its own, so
    // this portal's worker never touches the other tests' mail), and a port with nothing
    // listening for the mail server that is down.
    const shared = postgres(process.env.DATABASE_URL!, { max: 1 });
    await shared.unsafe("DROP DATABASE IF EXISTS launcher_production WITH (FORCE)");
    await shared.unsafe("CREATE DATABASE launcher_production");
    await shared.end();
    const databaseUrl = new URL(process.env.DATABASE_URL!);
    databaseUrl.pathname = "/launcher_production";
    const closed = await findFreePort();
    const productionDir = path.resolve(".data/test-launcher-production");
    rmSync(productionDir, { recursive: true, force: true });
    const { portal, base } = await startPortal({
      DATA_DIR: productionDir,
      DATABASE_URL: databaseUrl.href,
      S3_ENDPOINT: process.env.S3_ENDPOINT!,
      S3_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID!,
      S3_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY!,
      SMTP_URL: `smtp://127.0.0.1:${closed}`,
      AUTH_SECRET: "a-production-secret-of-at-least-32-characters",
      APP_URL: "https://childrens-portal.example.gov.uk",
      // The machine's clamd that the integration run started (CI installs ClamAV).
      CLAMAV_URL: process.env.CLAMAV_URL!,
      // Never called here: no page in this test looks an address up.
      ADDRESS_PROVIDER: "os-places",
      OS_PLACES_API_KEY: "not-called-in-this-test",
    });
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "down", down: ["mail"], parts: { database: "ok", storage: "ok" } });
    expect((await fetch(`${base}/dev/mailbox`)).status).toBe(404);
    expect(portal.output()).toContain("down: mail");
    expect(portal.output()).not.toContain("demo-council.example");
    expect(portal.output()).not.toMatch(/embedded/i);
    // The data folder holds nothing of an embedded service's.
    expect(existsSync(productionDir) ? readdirSync(productionDir).filter((name) => ["pg", "s3", "mailbox", "clamav"].includes(name)) : []).toEqual([]);
    await stopWithCtrlC(portal);
    expect(isAlive(portal.child.pid)).toBe(false);
  });
});
