import { describe, expect, it } from "vitest";
import { checkHealth, type HealthChecks } from "@/lib/health/check-health";

const ok = async () => {};
const allOk: HealthChecks = { database: ok, storage: ok, mail: ok, browser: ok, jobWorker: ok };

describe("checkHealth", () => {
  it("is ok when every part is", async () => {
    expect(await checkHealth(allOk)).toEqual({
      status: "ok",
      parts: { database: "ok", storage: "ok", mail: "ok", browser: "ok", jobWorker: "ok" },
      down: [],
    });
  });

  it("names the parts that are down and still reports the others", async () => {
    const report = await checkHealth({
      ...allOk,
      mail: async () => {
        throw new Error("ECONNREFUSED");
      },
      jobWorker: async () => {
        throw new Error("no heartbeat");
      },
    });
    expect(report.status).toBe("down");
    expect(report.down).toEqual(["mail", "jobWorker"]);
    expect(report.parts.database).toBe("ok");
  });
});
