import { expect, it } from "vitest";
import { FIRST_RESTART_DELAY_MS, HEALTHY_LIFETIME_MS, LONGEST_RESTART_DELAY_MS, nextRestartDelay } from "@/lib/runtime/restart-backoff";

it("replaces a process that dies once after a second, and doubles the wait while replacements keep dying young, up to 30 s", () => {
  const delays: number[] = [];
  let delay: number | undefined;
  for (let death = 0; death < 8; death++) delays.push((delay = nextRestartDelay(delay, 200)));
  expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  expect(delays[0]).toBe(FIRST_RESTART_DELAY_MS);
  expect(Math.max(...delays)).toBe(LONGEST_RESTART_DELAY_MS);
});

it("starts again from a second once a replacement has lived long enough to count as healthy", () => {
  expect(nextRestartDelay(16_000, HEALTHY_LIFETIME_MS)).toBe(FIRST_RESTART_DELAY_MS);
  expect(nextRestartDelay(16_000, HEALTHY_LIFETIME_MS - 1)).toBe(30_000);
});
