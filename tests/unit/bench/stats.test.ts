import { describe, expect, it } from "vitest";
import { arrivalSchedule, kindFor, percentile, summarise } from "@/tests/bench/stats";

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it("reads the sample at floor(p% × n), as the forms table counts it", () => {
    expect(percentile(hundred, 50)).toBe(51);
    expect(percentile(hundred, 95)).toBe(96);
    expect(percentile(hundred, 99)).toBe(100);
  });

  it("gives the last sample for p100 and NaN for no samples", () => {
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([], 95)).toBeNaN();
  });

  it("summarises unsorted samples", () => {
    expect(summarise([30, 10, 20, 40])).toEqual({ count: 4, p50: 30, p95: 40, p99: 40, max: 40 });
  });
});

describe("arrivalSchedule", () => {
  it("spaces rate × seconds arrivals evenly from 0", () => {
    const schedule = arrivalSchedule(50, 2);
    expect(schedule).toHaveLength(100);
    expect(schedule[0]).toBe(0);
    expect(schedule[1]).toBeCloseTo(20);
    expect(schedule.at(-1)).toBeCloseTo(1980);
  });

  it("is empty for no rate or no time", () => {
    expect(arrivalSchedule(0, 10)).toEqual([]);
    expect(arrivalSchedule(50, 0)).toEqual([]);
  });
});

describe("kindFor", () => {
  it("walks the cycle from each session's own place", () => {
    const cycle = ["read", "save", "pdf"];
    expect([0, 1, 2, 3].map((turn) => kindFor(cycle, 0, turn))).toEqual(["read", "save", "pdf", "read"]);
    expect([0, 1, 2].map((turn) => kindFor(cycle, 1, turn))).toEqual(["save", "pdf", "read"]);
  });

  it("spreads a turn's kinds over the sessions in the cycle's proportions", () => {
    const cycle = ["read", "read", "save", "upload"];
    const kinds = Array.from({ length: 400 }, (_, session) => kindFor(cycle, session, 3));
    expect(kinds.filter((kind) => kind === "read")).toHaveLength(200);
    expect(kinds.filter((kind) => kind === "upload")).toHaveLength(100);
  });
});
