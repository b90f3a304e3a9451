/**
 * When the idle warning opens, when the page gives up, and what the countdown says: plain
 * arithmetic on the browser's clock, measured from the last time this browser reached the
 * server. The server's idle clock (lib/auth/sessions.ts) is the truth, and the browser can only
 * follow it from what it sent: a request touches the session's lastSeenAt at most once a minute,
 * so the server may have recorded any moment in the minute before our last contact. Every
 * deadline here is therefore a minute early (and a few seconds more, for a request's time in
 * the browser before it is sent and for news of it reaching this page late), which keeps the
 * warning at least `warningMinutes` before the server's sign-out and never promises time the
 * server does not give. A contact is counted from when its request started, not answered.
 */

const MINUTE_MS = 60_000;
const SLACK_MS = 5_000;

/** How often typing may ask the server to keep the session: the server records no finer. */
export const KEEP_ALIVE_EVERY_MS = MINUTE_MS;

export type IdleDeadlines = { warnAt: number; endAt: number };

export function idleDeadlines(lastContactMs: number, idleMinutes: number, warningMinutes: number): IdleDeadlines {
  return {
    warnAt: lastContactMs + (idleMinutes - warningMinutes - 1) * MINUTE_MS - SLACK_MS,
    endAt: lastContactMs + (idleMinutes - 1) * MINUTE_MS - SLACK_MS,
  };
}

/**
 * Typing counts only once it reaches the server. A keystroke asks for a keep-alive when nothing
 * reached the server for a minute (an autosave or any other request a moment ago already did)
 * and none is on its way.
 */
export function isKeepAliveDue(nowMs: number, lastContactMs: number, isInFlight: boolean): boolean {
  return !isInFlight && nowMs - lastContactMs >= KEEP_ALIVE_EVERY_MS;
}

/**
 * The countdown in words, in steps: whole minutes, then "30 seconds" in the last half minute.
 * The words change only at those steps, so a polite live region that shows them is read out
 * once a minute and at 30 seconds, never every second.
 */
export function countdownWords(secondsLeft: number): string {
  if (secondsLeft <= 30) return "30 seconds";
  const minutes = Math.ceil(secondsLeft / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
