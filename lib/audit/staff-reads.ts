/**
 * Staff reads, as audit rows (issue 16): each time council staff open, download or search a
 * referral, a row in audit_events says who (user id), which record (the submission id), when and
 * from which client address. The row is written in the request that shows the record, before it
 * is shown: if the write fails, the request fails and nothing is shown.
 *
 * `detail` holds ids (the file downloaded) and, for a search, the terms and filters typed. Search
 * terms can be a child's name, so they go to this table only, which council admins alone read
 * (/staff/admin/audit), and never to the logs. SEND reads are written by lib/send (events.ts);
 * the downloads of a referral's PDF and files by ./downloads.ts.
 */
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AccountRole } from "@/lib/auth/roles";

/** Reads of referrals that are not also an action; "referral-viewed" is written by viewReferral with its history event. */
export type StaffReadEvent = "referral-pdf-downloaded" | "referral-file-downloaded" | "referrals-searched";

/** Beyond ids, what a read needs to be understood later; never answers. */
export type StaffReadDetail = {
  fileId?: string;
  /** A search: what was typed and which filters were set. */
  search?: string | null;
  tab?: string | null;
  form?: string | null;
  team?: string | null;
};

/** The person reading, with the client address of their request. */
export type Reader = { userId: string; role: AccountRole; ip?: string | null };

export async function recordStaffRead(
  db: DbOrTx,
  event: StaffReadEvent,
  read: { userId: string; subjectId?: string | null; ip?: string | null; detail?: StaffReadDetail },
  at: Date,
): Promise<void> {
  await db.insert(auditEvents).values({ event, at, userId: read.userId, subjectId: read.subjectId ?? null, ip: read.ip ?? null, detail: read.detail ?? null });
}
