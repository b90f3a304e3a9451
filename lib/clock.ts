/**
 * The time, as the domain sees it. Tests move it forward (a code expiring, an idle session)
 * without waiting; outside tests (PORTAL_TEST_CLOCK unset) it cannot be moved.
 */

// Kept on globalThis: Next.js may load this module once per route bundle in one process,
// and a route handler moving the clock must move it for the pages and actions too.
const state = globalThis as typeof globalThis & { portalClockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + (state.portalClockOffsetMs ?? 0));
}

export function isClockControllable(): boolean {
  return process.env.PORTAL_TEST_CLOCK === "1";
}

/** Moves the clock by `ms` from real time; refused unless the clock is controllable. */
export function setClockOffset(ms: number): void {
  if (!isClockControllable()) throw new Error("the clock can only be moved when PORTAL_TEST_CLOCK=1");
  state.portalClockOffsetMs = ms;
}
