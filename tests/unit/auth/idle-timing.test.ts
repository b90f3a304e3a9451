/**
 * The idle warning's arithmetic (app/_auth/idle-timing.ts): deadlines a minute early because the
 * server records activity at most once a minute, keep-alives at most once a minute, and a
 * countdown whose words change only each minute and at 30 seconds.
 */
import { describe, expect, it } from "vitest";
import { countdownWords, idleDeadlines, isKeepAliveDue, KEEP_ALIVE_EVERY_MS } from "@/app/_auth/idle-timing";

const MINUTE = 60_000;

describe("idle deadlines", () => {
  it("warns warningMinutes before the page gives up, a minute before the server's idle time", () => {
    // A few seconds earlier still, for the request's own time on its way.
    expect(idleDeadlines(0, 30, 2)).toEqual({ warnAt: 27 * MINUTE - 5_000, endAt: 29 * MINUTE - 5_000 });
  });

  it("count from the last contact with the server", () => {
    expect(idleDeadlines(5 * MINUTE, 30, 2).warnAt - idleDeadlines(0, 30, 2).warnAt).toBe(5 * MINUTE);
  });
});

describe("a keep-alive while typing", () => {
  it("is due when the server has heard nothing for a minute", () => {
    expect(isKeepAliveDue(KEEP_ALIVE_EVERY_MS, 0, false)).toBe(true);
  });

  it("is not sent when the server was reached within the minute (an autosave, a page)", () => {
    expect(isKeepAliveDue(KEEP_ALIVE_EVERY_MS - 1, 0, false)).toBe(false);
  });

  it("is not sent while one is on its way", () => {
    expect(isKeepAliveDue(10 * MINUTE, 0, true)).toBe(false);
  });
});

describe("the countdown's words", () => {
  it.each([
    [120, "2 minutes"],
    [90, "2 minutes"],
    [61, "2 minutes"],
    [60, "1 minute"],
    [31, "1 minute"],
    [30, "30 seconds"],
    [1, "30 seconds"],
  ])("with %i seconds left: %s", (seconds, words) => {
    expect(countdownWords(seconds)).toBe(words);
  });

  it("change only at each minute and at 30 seconds, so they are read out at most that often", () => {
    const changes = [];
    for (let seconds = 150; seconds > 0; seconds -= 1) {
      if (countdownWords(seconds) !== countdownWords(seconds + 1)) changes.push(seconds);
    }
    expect(changes).toEqual([120, 60, 30]);
  });
});
