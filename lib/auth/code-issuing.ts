/**
 * How many codes may be issued: per account and purpose (council.codesPerAccountPerHour, 10) and
 * per client address over every purpose (council.codesPerIpPerHour, 500), each per hour. Every
 * code is an email, so this bounds the mail one person or one address can make us send; and
 * wrong guesses are counted per account across codes (codes.ts), so new codes buy no guesses.
 *
 * The account key is what the person typed or proved (an email address, a user id), never
 * whether an account exists, so a throttled unknown address behaves exactly like a known one.
 */
import type { DbOrTx } from "@/db/client";
import type { CodePurpose } from "./codes";
import type { AuthDeps } from "./deps";
import { hitThrottle, strictest, type ThrottleResult } from "./throttle";

const HOUR_SECONDS = 60 * 60;

export async function throttleCodeIssue(deps: AuthDeps, db: DbOrTx, purpose: CodePurpose, account: string): Promise<ThrottleResult> {
  const { council, now } = deps;
  const results = [await hitThrottle(db, `code-issue:${purpose}:${account}`, { limit: council.codesPerAccountPerHour, windowSeconds: HOUR_SECONDS }, now)];
  if (deps.ip) results.push(await hitThrottle(db, `code-issue:ip:${deps.ip}`, { limit: council.codesPerIpPerHour, windowSeconds: HOUR_SECONDS }, now));
  return strictest(results);
}
