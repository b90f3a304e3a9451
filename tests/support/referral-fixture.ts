/**
 * lib/referrals' deps for tests: the real database, a fixed clock, and a mailer that only records
 * what it was asked to send (pass `mail` to see the emails, or a failing one to check that a change
 * and its email share one transaction). `inboxOf` is listInbox for staff, failing the test on
 * `forbidden`.
 */
import { listInbox, type InboxPage, type InboxQuery, type ReferralDeps, type ReferralEmail, type ReferralMailer, type StaffUser } from "@/lib/referrals";
import type { Db } from "@/db/client";
import { db } from "@/tests/support/auth-fixture";

export const noMail: ReferralMailer = async () => {};

/** A mailer that keeps what it is asked to send, in order. */
export function recordingMailer(): { mail: ReferralMailer; sent: ReferralEmail[] } {
  const sent: ReferralEmail[] = [];
  return { sent, mail: async (_tx, email) => void sent.push(email) };
}

export function referralDepsAt(now: Date, more: Partial<Pick<ReferralDeps, "mail" | "storage">> = {}): ReferralDeps {
  return { db, now, mail: noMail, ...more };
}

export async function inboxOf(staff: StaffUser, query: InboxQuery, database: Pick<Db, "select"> = db): Promise<InboxPage> {
  const result = await listInbox({ db: database }, staff, query);
  if (result.status !== "done") throw new Error(`expected the inbox, got ${result.status}`);
  return result;
}
