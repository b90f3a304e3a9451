/**
 * lib/log.ts: one JSON line per event through pino, personal data redacted by key, and the
 * request id of the request being handled on every line.
 */
import { describe, expect, it } from "vitest";
import { createLogger, logEvent } from "@/lib/log";
import { runInRequest } from "@/lib/request-context";
import { captureLogs } from "@/tests/support/captured-logs";

const logs = captureLogs();

const lines = () => logs.lines().flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>);

describe("logEvent", () => {
  it("writes one JSON line with the event, its level and time, and its fields", () => {
    logEvent("draft.saved-for-later", { draftId: "d-1", sections: 3 });
    expect(logs.lines()).toHaveLength(1);
    expect(logs.lines()[0]!.endsWith("\n")).toBe(true);
    const [line] = lines();
    expect(line).toMatchObject({ level: "info", event: "draft.saved-for-later", draftId: "d-1", sections: 3 });
    expect(new Date(String(line!.at)).getTime()).not.toBeNaN();
  });

  it("prints [Redacted] for personal data and secrets passed by mistake", () => {
    const personal = { email: "jo.bloggs@example.org", forename: "Jo", surname: "Bloggs", postcode: "DY1 1AA", password: "Correct-Horse-9", code: "123456", token: "tok_abcdef", answers: "Lives with nan" };
    logEvent("oops", { userId: "u-1", ...personal });
    const raw = logs.lines().join("");
    for (const value of Object.values(personal)) expect(raw).not.toContain(value);
    expect(lines()[0]).toMatchObject({ event: "oops", userId: "u-1", email: "[Redacted]", forename: "[Redacted]", postcode: "[Redacted]", password: "[Redacted]", code: "[Redacted]", token: "[Redacted]", answers: "[Redacted]" });
  });

  it("redacts nested personal data and the authorization and cookie headers on the logger itself", () => {
    const captured: string[] = [];
    const log = createLogger({ write: (line: string) => captured.push(line) }, "info");
    log.info({ person: { email: "ann@example.org", id: "p-1" }, headers: { authorization: "Bearer s3cret-token", cookie: "session=abc123", accept: "text/html" } }, "request.seen");
    const line = JSON.parse(captured[0]!) as { person: Record<string, string>; headers: Record<string, string> };
    expect(captured[0]).not.toContain("ann@example.org");
    expect(captured[0]).not.toContain("s3cret-token");
    expect(captured[0]).not.toContain("abc123");
    expect(line.person).toEqual({ email: "[Redacted]", id: "p-1" });
    expect(line.headers).toEqual({ authorization: "[Redacted]", cookie: "[Redacted]", accept: "text/html" });
  });

  it("carries the request id of the request being handled, through awaits", async () => {
    await runInRequest({ requestId: "req-42" }, async () => {
      logEvent("first");
      await new Promise((resolve) => setTimeout(resolve, 1));
      logEvent("second");
    });
    logEvent("outside");
    expect(lines().map((line) => [line.event, line.requestId])).toEqual([["first", "req-42"], ["second", "req-42"], ["outside", undefined]]);
  });

  it("writes nothing below LOG_LEVEL", () => {
    const captured: string[] = [];
    const log = createLogger({ write: (line: string) => captured.push(line) }, "warn");
    log.info("quiet");
    log.warn("loud");
    expect(captured.map((line) => (JSON.parse(line) as { event: string; level: string }).event)).toEqual(["loud"]);
  });
});
