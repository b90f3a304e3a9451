/**
 * Issue 16, point 4: the audit trail a council admin reads. Filters by person (name or email
 * contains), record (reference, case number, id), action and London dates run in SQL; pages are
 * newest first, 50 to a page, with nothing lost or repeated between them; the CSV has every
 * matching row, quoted, with formulas defused. A caseworker who is not a council admin reads
 * nothing, from the page query or the CSV.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { trailCsvStream } from "@/lib/audit/trail-csv";
import { listTrailPage, trailBatches, type TrailRow } from "@/lib/audit/trail";
import { parseTrailFilters, type TrailFilters } from "@/lib/audit/trail-filters";
import { db, ensureCouncil } from "@/tests/support/auth-fixture";
import { anAuditReferral, anAuditUser, auditTestForm, type AuditTestUser } from "@/tests/support/audit-fixture";
import { aCase, aStaffUser, caseInput, sendDepsAt } from "@/tests/support/send-fixture";
import { joinTeams } from "@/tests/support/staff-teams";

const run = randomUUID().slice(0, 8);
let admin: AuditTestUser;
let caseworker: AuditTestUser;
let ada: AuditTestUser;
let mallory: AuditTestUser;

const minute = (n: number) => new Date(Date.UTC(2027, 0, 10, 9, n));
const write = (rows: { at: Date; event: string; userId: string; subjectId?: string | null; ip?: string; detail?: unknown }[]) =>
  db.insert(auditEvents).values(rows.map((row) => ({ ...row, subjectId: row.subjectId ?? null, ip: row.ip ?? "203.0.113.50", detail: row.detail ?? null })));
const pageOf = (filters: TrailFilters, page = 1, actor: { userId: string } = admin) => listTrailPage(db, actor, filters, page);
const events = (rows: TrailRow[]) => rows.map((row) => [row.event, row.at.toISOString()]);

async function csvOf(filters: TrailFilters, actor: { userId: string } = admin): Promise<string> {
  // ignoreBOM keeps the byte order mark in the text, so the test sees it.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(trailCsvStream(db, actor, filters)).arrayBuffer());
}

beforeAll(async () => {
  await ensureCouncil();
  admin = await anAuditUser("caseworker", { surname: `Admin${run}` }, "203.0.113.1");
  caseworker = await anAuditUser("caseworker", { surname: `Worker${run}` }, "203.0.113.2");
  ada = await anAuditUser("caseworker", { forename: "Ada", surname: `Trail${run}`, email: `ada.${run}@council.example` }, "203.0.113.3");
  mallory = await anAuditUser("caseworker", { forename: '=HYPERLINK("http://evil.example")', surname: `Smith, "M" ${run}` }, "203.0.113.4");
  await joinTeams(admin.userId, [], "caseworker", { isAdmin: true });
  await joinTeams(caseworker.userId, ["early-help"]);
});

describe("filters", () => {
  it("finds a person by part of their email or name, any case, and an action", async () => {
    await write([
      { at: minute(1), event: "referral-viewed", userId: ada.userId },
      { at: minute(2), event: "signed-in", userId: ada.userId },
      { at: minute(3), event: "referral-viewed", userId: caseworker.userId },
    ]);
    expect(events((await pageOf({ person: `ADA.${run}@` })).rows)).toEqual([
      ["signed-in", minute(2).toISOString()],
      ["referral-viewed", minute(1).toISOString()],
    ]);
    expect(events((await pageOf({ person: `ada trail${run}`, action: "referral-viewed" })).rows)).toEqual([["referral-viewed", minute(1).toISOString()]]);
    // LIKE's wildcards are taken literally.
    expect((await pageOf({ person: `%${run}` })).rows).toEqual([]);
  });

  it("finds a record by its reference, its case number or its id, and shows it by its reference or number", async () => {
    const referrer = await anAuditUser("referrer", { surname: `Referrer${run}` }, "203.0.113.9");
    const referral = await anAuditReferral(referrer, auditTestForm("trail"), `Child${run}`, minute(0));
    const owner = await aStaffUser("caseworker");
    const sendCase = await aCase(sendDepsAt(minute(0)), owner, caseInput(owner));
    await write([
      { at: minute(10), event: "referral-pdf-downloaded", userId: ada.userId, subjectId: referral.id },
      { at: minute(11), event: "send-case-viewed", userId: ada.userId, subjectId: sendCase.caseId },
    ]);
    const byReference = await pageOf({ record: { kind: "reference", reference: referral.reference } });
    expect(byReference.rows.map((row) => [row.event, row.record])).toContainEqual(["referral-pdf-downloaded", { kind: "referral", id: referral.id, reference: referral.reference }]);
    expect(byReference.rows.every((row) => row.record?.id === referral.id)).toBe(true);

    const byNumber = parseTrailFilters({ record: sendCase.number.toLowerCase(), person: ada.email }).filters;
    expect((await pageOf(byNumber)).rows.map((row) => [row.event, row.record, row.person?.email])).toEqual([["send-case-viewed", { kind: "send-case", id: sendCase.caseId, number: sendCase.number }, ada.email]]);
    expect((await pageOf({ record: { kind: "id", id: sendCase.caseId }, person: ada.email })).rows).toHaveLength(1);
  });

  it("reads from and to as whole days in London, summer time included", async () => {
    const late = await anAuditUser("caseworker", { surname: `Late${run}` }, "203.0.113.5");
    await write([
      { at: new Date("2026-06-30T22:59:00Z"), event: "referral-viewed", userId: late.userId }, // 23:59 on 30 June in London
      { at: new Date("2026-06-30T23:30:00Z"), event: "referral-viewed", userId: late.userId }, // 00:30 on 1 July
      { at: new Date("2026-07-01T22:59:00Z"), event: "referral-viewed", userId: late.userId }, // 23:59 on 1 July
      { at: new Date("2026-07-01T23:00:00Z"), event: "referral-viewed", userId: late.userId }, // 00:00 on 2 July
    ]);
    const day = (filters: TrailFilters) => pageOf({ person: `Late${run}`, ...filters }).then((page) => page.rows.map((row) => row.at.toISOString()));
    expect(await day({ from: "2026-07-01", to: "2026-07-01" })).toEqual(["2026-07-01T22:59:00.000Z", "2026-06-30T23:30:00.000Z"]);
    expect(await day({ to: "2026-06-30" })).toEqual(["2026-06-30T22:59:00.000Z"]);
    expect(await day({ from: "2026-07-02" })).toEqual(["2026-07-01T23:00:00.000Z"]);
  });
});

describe("pages", () => {
  it("are newest first, 50 to a page, each row once", async () => {
    const busy = await anAuditUser("caseworker", { surname: `Busy${run}` }, "203.0.113.6");
    // 55 rows, two of them at the same instant (the id breaks the tie).
    await write(Array.from({ length: 55 }, (_, i) => ({ at: minute(Math.min(i, 53)), event: "referral-viewed", userId: busy.userId })));
    const first = await pageOf({ person: `Busy${run}` }, 1);
    const second = await pageOf({ person: `Busy${run}` }, 2);
    expect([first.rows.length, first.hasNext, second.rows.length, second.hasNext, second.page]).toEqual([50, true, 5, false, 2]);
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((row) => row.id)).size).toBe(55);
    expect(all.map((row) => row.at.getTime())).toEqual([...all.map((row) => row.at.getTime())].sort((a, b) => b - a));

    const batched: string[] = [];
    for await (const batch of trailBatches(db, admin, { person: `Busy${run}` }, 7)) batched.push(...batch.map((row) => row.id));
    expect(batched).toEqual(all.map((row) => row.id));
  });
});

describe("the CSV", () => {
  it("has a header and every matching row, quoted, with a formula defused", async () => {
    await write([
      { at: new Date("2027-01-11T10:05:00Z"), event: "referrals-searched", userId: mallory.userId, ip: "203.0.113.4", detail: { search: '-2+3, "x"', tab: "new" } },
      { at: new Date("2027-01-11T10:06:00Z"), event: "some-new-event", userId: mallory.userId, ip: "@home" },
    ]);
    const csv = await csvOf({ person: `Smith, "M" ${run}` });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe('\uFEFF"Time (London)","Time (UTC)","Person","Email","Action","Event","Record","Record id","Client address","Details"');
    const name = `'=HYPERLINK(""http://evil.example"") Smith, ""M"" ${run}`;
    expect(lines.slice(1)).toEqual([
      `"2027-01-11 10:06:00","2027-01-11T10:06:00.000Z","${name}","${mallory.email}","some-new-event","some-new-event","","","'@home",""`,
      `"2027-01-11 10:05:00","2027-01-11T10:05:00.000Z","${name}","${mallory.email}","Searched or filtered the referrals inbox","referrals-searched","","","203.0.113.4","search ""-2+3, ""x"""", tab new"`,
      "",
    ]);
  });
});

describe("someone who is not a council admin", () => {
  it("reads no rows from the page query and only the header from the CSV", async () => {
    await write([{ at: minute(30), event: "referral-viewed", userId: caseworker.userId }]);
    expect((await pageOf({ person: `Worker${run}` })).rows).toHaveLength(2);
    expect(await pageOf({ person: `Worker${run}` }, 1, caseworker)).toEqual({ rows: [], page: 1, hasNext: false });
    expect((await csvOf({ person: `Worker${run}` }, caseworker)).split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});
