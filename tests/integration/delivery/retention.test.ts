/**
 * The portal forgets (issue 17 point 6): COUNCIL_DELIVERED_RETENTION_DAYS after the case system
 * acknowledged a sent form, the daily job deletes its answers, people and files, and keeps its
 * reference, dates, status and history. Forms never acknowledged, or acknowledged more recently,
 * keep everything. Run with a test clock.
 */
import { Readable } from "node:stream";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { attachments, councils, deliveries, referralEvents, submissions, users } from "@/db/schema";
import { attachToDraft } from "@/lib/attachments";
import { purgeDeliveredSubmissions } from "@/lib/delivery/retention";
import { saveDraft, startDraft } from "@/lib/drafts/drafts";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { findSubmittedForm } from "@/lib/submissions/find-submission";
import { getStorage } from "@/lib/storage";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { viewReferral, type StaffUser } from "@/lib/referrals";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { joinEveryTeam } from "@/tests/support/staff-teams";
import { referralDepsAt } from "@/tests/support/referral-fixture";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const DAY = 86_400_000;
const t0 = new Date("2031-03-02T09:00:00Z");
const day = (n: number) => new Date(t0.getTime() + n * DAY);
const storage = getStorage();
const definitionFor = (formId: string) => (formId === safeguardingConcern.id ? safeguardingConcern : undefined);

beforeAll(ensureCouncil);

async function aReferrer(): Promise<string> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db.insert(users).values({ councilId: council!.id, email: uniqueEmail("retention"), passwordHash: "not-used", forename: "Sam", surname: "Sender" }).returning({ id: users.id });
  return user!.id;
}

async function aCaseworker(): Promise<StaffUser> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db.insert(users).values({ councilId: council!.id, email: uniqueEmail("retention-staff"), role: "caseworker", passwordHash: "not-used", forename: "Cas", surname: "Worker" }).returning({ id: users.id });
  await joinEveryTeam(user!.id, "caseworker");
  return { userId: user!.id, role: "caseworker", ip: "203.0.113.9" };
}

/** A form about Amy Smith with one file, sent on day 0; its id, reference and file's object key. */
async function aSentForm(ownerId: string) {
  const draft = await startDraft(db, { ownerId, form: safeguardingConcern, retentionDays: 30, now: t0 });
  await saveDraft(db, { ownerId, draftId: draft.id, expectedRevision: 1, people: [{ id: "p1", forename: "Amy", surname: "Smith" }], answers: { referrerName: "Sam Sender" }, now: t0 });
  const file = await attachToDraft({ db, storage, now: t0 }, { userId: ownerId }, { draftId: draft.id, fileName: "notes.txt", stream: Readable.from([Buffer.from("school notes")]), limits: { maxFileBytes: 1 << 20, maxDraftBytes: 1 << 22 } });
  expect(file.status).toBe("attached");
  const sent = await submitDraft(submissionDepsAt(t0), { userId: ownerId }, { draftId: draft.id, definitionFor });
  if (sent.status !== "submitted") throw new Error("expected a submission");
  const [row] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.reference, sent.reference));
  const [stored] = await db.select({ objectKey: attachments.objectKey }).from(attachments).where(eq(attachments.submissionId, row!.id));
  return { id: row!.id, reference: sent.reference, objectKey: stored!.objectKey };
}

const acknowledge = (submissionId: string, at: Date) =>
  db.update(deliveries).set({ status: "delivered", deliveredAt: at, deliveredBy: "api", caseSystemId: "LCS-1" }).where(eq(deliveries.submissionId, submissionId));

async function objectExists(key: string): Promise<boolean> {
  const body = await storage.get(key);
  body?.destroy();
  return body !== null;
}

describe("deleting delivered forms after the retention window", () => {
  it("deletes only forms acknowledged more than the window ago, keeping reference, dates, status and history", async () => {
    const owner = await aReferrer();
    const old = await aSentForm(owner);
    const recent = await aSentForm(owner);
    const never = await aSentForm(owner);
    await acknowledge(old.id, day(1));
    await acknowledge(recent.id, day(5));

    // Day 30.5: the first form was acknowledged 29.5 days ago, so nothing is due yet.
    const first = await purgeDeliveredSubmissions(db, { now: day(30.5), retentionDays: 30 });
    expect(first.failed).toBe(0);
    const untouched = await db.select({ purgedAt: submissions.purgedAt }).from(submissions).where(inArray(submissions.id, [old.id, recent.id, never.id]));
    expect(untouched).toEqual([{ purgedAt: null }, { purgedAt: null }, { purgedAt: null }]);

    const second = await purgeDeliveredSubmissions(db, { now: day(31.5), retentionDays: 30 });
    expect(second.failed).toBe(0);
    const [purged] = await db.select().from(submissions).where(eq(submissions.id, old.id));
    expect(purged).toMatchObject({ reference: old.reference, status: "submitted", submittedAt: t0, answers: {}, people: [], peopleNames: "", purgedAt: day(31.5) });
    expect(await db.select().from(attachments).where(eq(attachments.submissionId, old.id))).toEqual([]);
    expect(await objectExists(old.objectKey)).toBe(false);
    // Its history stays (the "submitted" event), and so does its delivery record.
    expect((await db.select().from(referralEvents).where(eq(referralEvents.submissionId, old.id))).map((event) => event.kind)).toContain("submitted");
    expect(await db.select().from(deliveries).where(eq(deliveries.submissionId, old.id))).toEqual([expect.objectContaining({ status: "delivered", caseSystemId: "LCS-1" })]);
    // Its team still finds the referral, with its reference and history, marked as deleted.
    const staff = await aCaseworker();
    const viewed = await viewReferral(referralDepsAt(day(32)), staff, old.id);
    if (viewed.status !== "found") throw new Error("expected the referral");
    expect(viewed.referral).toMatchObject({ reference: old.reference, purgedAt: day(31.5), people: [], files: [] });
    // The referrer can no longer open it: there is nothing left to show or to make a PDF of.
    expect(await findSubmittedForm(db, { userId: owner, role: "referrer" }, old.reference)).toBeNull();

    // Acknowledged 26.5 days ago, and never acknowledged (a year later): both keep everything.
    for (const kept of [recent, never]) {
      const [row] = await db.select().from(submissions).where(eq(submissions.id, kept.id));
      expect(row).toMatchObject({ purgedAt: null, people: [{ forename: "Amy", surname: "Smith" }], answers: { referrerName: "Sam Sender" } });
      expect(await objectExists(kept.objectKey)).toBe(true);
    }
    await purgeDeliveredSubmissions(db, { now: day(400), retentionDays: 400 - 5 + 1 });
    const [neverRow] = await db.select().from(submissions).where(eq(submissions.id, never.id));
    expect(neverRow!.purgedAt).toBeNull();
    expect(await objectExists(never.objectKey)).toBe(true);
  });

  it("purges a form once when two runs overlap", async () => {
    const owner = await aReferrer();
    const form = await aSentForm(owner);
    await acknowledge(form.id, day(1));
    const runs = await Promise.all([0, 1].map(() => purgeDeliveredSubmissions(db, { now: day(40), retentionDays: 30 })));
    const mine = await db.select({ purgedAt: submissions.purgedAt }).from(submissions).where(eq(submissions.id, form.id));
    expect(mine).toEqual([{ purgedAt: day(40) }]);
    expect(runs.every((run) => run.failed === 0)).toBe(true);
  });
});
