import { describe, expect, it } from "vitest";
import { TARGETS, judgeAims } from "@/tests/bench/aims";

/** A result of `count` requests over 10 s, all taking `ms` (so p95 = ms, throughput = count / 10). */
const result = (target: string, users: number, ms: number, count: number) => ({ target, users, seconds: 10, latencies: Array.from({ length: count }, () => ms) });

describe("judgeAims", () => {
  it("judges each aim at 50 users against the baseline's p95", () => {
    const aims = judgeAims([
      result(TARGETS.baseline, 50, 100, 4000),
      result(TARGETS.get, 10, 1, 99999), // another level: not read
      result(TARGETS.get, 50, 200, 2500), // 2.0× and 250/s: both met
      result(TARGETS.save, 50, 160, 1500), // 1.6× (> 1.5×) and 150/s: neither met
      result(TARGETS.dashboard, 50, 210, 2000), // 2.1×: not met
    ]);
    expect(aims.map((aim) => [aim.aim, aim.isMet])).toEqual([
      ["Section GET p95 ≤ 2× the baseline's p95", true],
      ["Section GET throughput ≥ 200 requests/s", true],
      ["Section save p95 ≤ 1.5× the baseline's p95", false],
      ["Section save throughput ≥ 200 requests/s", false],
      ["SEND Dashboard p95 ≤ 2× the baseline's p95", false],
    ]);
    expect(aims[2]!.figure).toBe("160.0 ms = 1.60× (baseline 100.0 ms)");
    expect(aims[3]!.figure).toBe("150.0 requests/s");
  });

  it("judges nothing without a baseline at 50 users", () => {
    expect(judgeAims([result(TARGETS.get, 50, 200, 2500), result(TARGETS.baseline, 10, 100, 100)])).toEqual([]);
  });
});
