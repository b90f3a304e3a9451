/**
 * Pure helpers of the bench's newer parts (issue 19): percentiles of latency samples and the
 * fixed arrival schedule of the mixed profile. Kept apart from the parts that start servers so
 * tests/unit/bench can check them.
 */

/**
 * The p-th percentile of ascending `sorted`: the sample at index floor(p% × n), the last one at
 * most, as tests/bench/forms.ts counts it, so a verdict here matches the figure in its table.
 * NaN when there are none.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export type Summary = { count: number; p50: number; p95: number; p99: number; max: number };

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

/**
 * When each request of an open-model load is due, in ms from the start: `ratePerSecond` evenly
 * spaced arrivals for `seconds`. The load sends each one at its time whether or not earlier ones
 * have answered, so a slow server makes requests queue rather than slowing the load down.
 */
export function arrivalSchedule(ratePerSecond: number, seconds: number): number[] {
  if (!(ratePerSecond > 0) || !(seconds > 0)) return [];
  const count = Math.floor(ratePerSecond * seconds);
  const gap = 1000 / ratePerSecond;
  return Array.from({ length: count }, (_, index) => index * gap);
}

/**
 * Which kind of request the `turn`-th request of session `session` is, from a cycle of kinds
 * (each session starts at its own place in the cycle, so every kind is spread over the run
 * rather than all sessions doing the same at once).
 */
export function kindFor<K>(cycle: readonly K[], session: number, turn: number): K {
  if (cycle.length === 0) throw new Error("empty cycle");
  return cycle[(session + turn) % cycle.length]!;
}
