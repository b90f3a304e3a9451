/**
 * Issue 16, point 4: every staff read of a referral writes an audit row with the staff member,
 * the record, the time and the client address: a view, a PDF download, a file download (with the
 * file's id) and an inbox search or filter (with its terms; a plain inbox load writes none). The
 * referrer's own downloads are not staff reads, and another team's staff get nothing and write
 * nothing. "Who has viewed this" lists these reads, only to staff of the referral's team.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { openAttachmentForDownload, openSubmittedFormForPdf } from "@/lib/audit/downloads";
import { listRecordViews } from "@/lib/audit/record-views";
import { browseInbox, viewReferral, type StaffUser } from "@/lib/referrals";
import { db, ensureCouncil } from "@/tests/support/auth-fixture";
import { anAuditReferral, anAuditUser, auditTestForm } from "@/tests/support/audit-fixture";
import { joinTeams } from "@/tests/support/staff-teams";
import { referralDepsAt } from "@/tests/support/referral-fixture";

const run = randomUUID().slice(0, 8);
const form = auditTestForm("reads");
const t0 = new Date("2028-07-01T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const aUser = (role: "referrer" | "caseworker", surname: string, ip: string) => anAuditUser(role, { surname }, ip);
const aReferral = (when: Date) => anAuditReferral(referrer, form, `Child${run}`, when);

const rowsBy = (userId: string) =>
  db.select({ event: auditEvents.event, subjectId: auditEvents.subjectId, ip: auditEvents.ip, at: auditEvents.at, detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.userId, userId));
const rowsOf = (userId: string, event: string) => db.select().from(auditEvents).where(and(eq(auditEvents.userId, userId), eq(auditEvents.event, event)));

let referrer: StaffUser;
let caseworker: StaffUser;
let otherTeam: StaffUser;

beforeAll(async () => {
  await ensureCouncil();
  referrer = await aUser("referrer", "Referrer", "198.51.100.1");
  caseworker = await aUser("caseworker", `Reader${run}`, "198.51.100.7");
  otherTeam = await aUser("caseworker", `Lado${run}`, "198.51.100.9");
  await joinTeams(caseworker.userId, ["early-help"]);
  await joinTeams(otherTeam.userId, ["lado"]);
});

describe("staff reads of a referral", () => {
  it("a view writes a row with the referral's id, the time and the client address", async () => {
    const referral = await aReferral(at(0));
    expect((await viewReferral(referralDepsAt(at(1)), caseworker, referral.id)).status).toBe("found");
    expect(await rowsOf(caseworker.userId, "referral-viewed")).toMatchObject([{ subjectId: referral.id, at: at(1), ip: "198.51.100.7" }]);
  });

  it("a PDF download by staff writes a row before the form is returned; the referrer's own download writes none", async () => {
    const referral = await aReferral(at(10));
    expect(await openSubmittedFormForPdf(db, caseworker, referral.reference, at(11))).toMatchObject({ id: referral.id });
    expect(await rowsOf(caseworker.userId, "referral-pdf-downloaded")).toMatchObject([{ subjectId: referral.id, at: at(11), ip: "198.51.100.7" }]);

    expect(await openSubmittedFormForPdf(db, referrer, referral.reference, at(12))).toMatchObject({ id: referral.id });
    expect(await rowsBy(referrer.userId)).toEqual([]);
  });

  it("a file download by staff writes a row with the file's id", async () => {
    const referral = await aReferral(at(20));
    expect(await openAttachmentForDownload(db, caseworker, referral.fileId, at(21))).toMatchObject({ id: referral.fileId });
    expect(await rowsOf(caseworker.userId, "referral-file-downloaded")).toMatchObject([{ subjectId: referral.id, at: at(21), ip: "198.51.100.7", detail: { fileId: referral.fileId } }]);
  });

  it("another team's caseworker gets no PDF, no file and no view, and writes no read", async () => {
    const referral = await aReferral(at(30));
    expect(await openSubmittedFormForPdf(db, otherTeam, referral.reference, at(31))).toBeNull();
    expect(await openAttachmentForDownload(db, otherTeam, referral.fileId, at(31))).toBeNull();
    expect((await viewReferral(referralDepsAt(at(31)), otherTeam, referral.id)).status).toBe("not-found");
    expect(await rowsBy(otherTeam.userId)).toEqual([]);
  });

  it("an inbox search or filter writes a row with its terms; a plain inbox load or a change of tab writes none", async () => {
    const searcher = await aUser("caseworker", `Searcher${run}`, "198.51.100.8");
    await joinTeams(searcher.userId, ["early-help"]);
    await browseInbox(referralDepsAt(at(40)), searcher, { tab: "new", page: 1, pageSize: 25 });
    await browseInbox(referralDepsAt(at(41)), searcher, { tab: "closed", search: "  ", page: 1, pageSize: 25 });
    expect(await rowsBy(searcher.userId)).toEqual([]);

    const found = await browseInbox(referralDepsAt(at(42)), searcher, { tab: "new", search: `  child${run} `, page: 1, pageSize: 25 });
    if (found.status !== "done") throw new Error(`expected the inbox, got ${found.status}`);
    expect(found.total).toBeGreaterThan(0);
    await browseInbox(referralDepsAt(at(43)), searcher, { tab: "responded", team: "early-help", page: 1, pageSize: 25 });
    expect(await rowsBy(searcher.userId)).toEqual([
      { event: "referrals-searched", subjectId: null, ip: "198.51.100.8", at: at(42), detail: { search: `child${run}`, tab: "new", form: null, team: null } },
      { event: "referrals-searched", subjectId: null, ip: "198.51.100.8", at: at(43), detail: { search: null, tab: "responded", form: null, team: "early-help" } },
    ]);
  });
});

describe("who has viewed this referral", () => {
  it("lists the staff reads, latest first, with a count, to staff of its team only", async () => {
    const referral = await aReferral(at(50));
    await viewReferral(referralDepsAt(at(51)), caseworker, referral.id);
    await openSubmittedFormForPdf(db, caseworker, referral.reference, at(52));
    await openAttachmentForDownload(db, caseworker, referral.fileId, at(53));
    await openSubmittedFormForPdf(db, referrer, referral.reference, at(54));

    const seen = await listRecordViews(db, caseworker, referral.id, 2);
    expect(seen.total).toBe(3);
    expect(seen.views.map((view) => [view.event, view.at, view.name])).toEqual([
      ["referral-file-downloaded", at(53), `Audit Reader${run}`],
      ["referral-pdf-downloaded", at(52), `Audit Reader${run}`],
    ]);
    expect(await listRecordViews(db, otherTeam, referral.id)).toEqual({ total: 0, views: [] });
    expect(await listRecordViews(db, caseworker, "not-an-id")).toEqual({ total: 0, views: [] });
  });
});
