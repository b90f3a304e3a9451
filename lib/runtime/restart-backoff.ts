/**
 * How long the web cluster's primary waits before it replaces a web process that died
 * (lib/runtime/web-cluster.ts): soon after a one-off crash, and ever later while replacements keep
 * dying young, so a process that cannot start (a broken dependency, memory exhausted) is not
 * forked in a tight loop.
 */

export const FIRST_RESTART_DELAY_MS = 1_000;
export const LONGEST_RESTART_DELAY_MS = 30_000;
/** A process that lived this long is taken as healthy: its death starts the doubling again. */
export const HEALTHY_LIFETIME_MS = 30_000;

/** The delay before the next replacement of one process slot, from the last delay (none yet) and how long the dead process lived. */
export function nextRestartDelay(previousDelayMs: number | undefined, livedMs: number): number {
  if (previousDelayMs === undefined || livedMs >= HEALTHY_LIFETIME_MS) return FIRST_RESTART_DELAY_MS;
  return Math.min(LONGEST_RESTART_DELAY_MS, previousDelayMs * 2);
}
