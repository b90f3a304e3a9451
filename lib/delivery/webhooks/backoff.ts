/**
 * When a failed push is tried again: the base delay, doubling with each attempt, capped. The
 * retry window is counted in attempts, not wall-clock time, so it holds whatever the clock does
 * (a stopped worker, a test clock): a delivery is marked failed once its attempts' delays add up
 * to the window, so its last try is at least the window after its first.
 */
export type BackoffPolicy = { baseDelaySeconds: number; maxDelaySeconds: number; windowSeconds: number };

/** The wait after the `attempt`-th failed try (1-based). */
export function delayAfterAttempt(policy: BackoffPolicy, attempt: number): number {
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** Math.min(attempt - 1, 30));
}

/** How many tries a delivery gets: the first, then one after each delay until the window is spent. */
export function maxAttempts(policy: BackoffPolicy): number {
  let attempts = 1;
  let waited = 0;
  while (waited < policy.windowSeconds) {
    waited += delayAfterAttempt(policy, attempts);
    attempts += 1;
  }
  return attempts;
}
