/** The start-up banner names the data folder the embedded services really use (DATA_DIR). */
import { describe, expect, it } from "vitest";
import type { StartedServices } from "@/lib/runtime/services";
import { startupBanner } from "@/lib/runtime/startup-banner";

const services: StartedServices = {
  env: {},
  embedded: { database: true, storage: true, mail: true },
  scanning: "embedded",
  chromiumSource: "@sparticuz/chromium",
  stop: async () => undefined,
};
const banner = (dataDir: string) =>
  startupBanner({ appUrl: "http://localhost:3000", mode: "start", services, isDemo: false, health: { status: 200, down: [] }, host: "127.0.0.1", port: 3000, dataDir, cwd: "/srv/portal" });

describe("the start-up banner", () => {
  it("shows the default data folder relative to the working folder", () => {
    const text = banner(".data");
    expect(text).toContain("embedded PostgreSQL, data in .data/pg");
    expect(text).toContain("embedded S3 (s3rver), data in .data/s3");
    expect(text).toContain("signatures in .data/clamav");
  });

  it("shows DATA_DIR when it points elsewhere", () => {
    const text = banner("/var/lib/portal");
    expect(text).toContain("embedded PostgreSQL, data in /var/lib/portal/pg");
    expect(text).toContain("embedded S3 (s3rver), data in /var/lib/portal/s3");
    expect(text).toContain("signatures in /var/lib/portal/clamav");
    expect(text).not.toContain(".data");
  });

  it("says how many web processes serve the port", () => {
    expect(banner(".data")).toContain("Web         1 process (WEB_CONCURRENCY sets how many: about one per core)");
    const two = startupBanner({ appUrl: "http://localhost:3000", mode: "start", services, isDemo: false, health: { status: 200, down: [] }, webProcesses: 2, host: "127.0.0.1", port: 3000, dataDir: ".data" });
    expect(two).toContain("Web         2 processes (WEB_CONCURRENCY)");
  });

  it("shows a relative DATA_DIR as given", () => {
    expect(banner("state/e2e")).toContain("data in state/e2e/pg");
    expect(banner("../shared-data")).toContain("data in /srv/shared-data/pg");
  });
});
