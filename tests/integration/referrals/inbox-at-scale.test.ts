/**
 * The inbox as it is built for 1,000,000 submissions (lib/referrals/inbox.ts): tab counts read
 * from inbox_counts, kept by triggers through every change a referral goes through; pages merged
 * from one index walk per team, which must give exactly the order of one sorted list.
 */
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inboxCounts, submissions } from "@/db/schema";
import { earlyHelpAssessment } from "@/lib/forms/definitions/early-help-assessment";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import type { FormDefinition } from "@/lib/forms/types";
import { close, INBOX_TABS, moveTeam, requestInformation, respond, startAddInfoDraft, type InboxTab, type StaffUser } from "@/lib/referrals";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, ensureCouncil } from "@/tests/support/auth-fixture";
import { aTestUser, sendForm, submissionRow } from "@/tests/support/inbox-fixture";
import { inboxOf, referralDepsAt } from "@/tests/support/referral-fixture";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const run = randomUUID().slice(0, 8);
const socialCareForm: FormDefinition = { ...safeguardingConcern, id: `inbox-scale-sc-${run}` };
const earlyHelpForm: FormDefinition = { ...earlyHelpAssessment, id: `inbox-scale-eh-${run}` };
const definitionFor = (formId: string) => [socialCareForm, earlyHelpForm].find((form) => form.id === formId);
const t0 = new Date("2029-05-01T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const TABS = Object.keys(INBOX_TABS) as InboxTab[];

let referrer: StaffUser;
let everyTeam: StaffUser;
let earlyHelpOnly: StaffUser;

const send = (when: Date, form: FormDefinition = socialCareForm) => sendForm(referrer, when, form, [{ id: "p1", forename: "Kit", surname: `Lane${run}` }], definitionFor);

/** Every tab's total for one of this file's forms, as the inbox shows it (no search: inbox_counts). */
async function totals(staff: StaffUser, formId: string, team?: string): Promise<Record<InboxTab, number>> {
  const pages = await Promise.all(TABS.map((tab) => inboxOf(staff, { tab, formId, team: team ?? null, page: 1, pageSize: 25 })));
  return Object.fromEntries(TABS.map((tab, index) => [tab, pages[index]!.total])) as Record<InboxTab, number>;
}

const none = { new: 0, resubmitted: 0, "awaiting-information": 0, responded: 0, closed: 0 };

/** inbox_counts against a count of submissions itself, for every team, form and status. */
async function keptCountsDisagree(): Promise<unknown[]> {
  const counted = await db.select({ team: submissions.team, formId: submissions.formId, status: submissions.status, n: count() }).from(submissions).groupBy(submissions.team, submissions.formId, submissions.status);
  const kept = await db.select().from(inboxCounts).where(sql`${inboxCounts.n} <> 0`);
  const key = (row: { team: string; formId: string; status: string }) => `${row.team}/${row.formId}/${row.status}`;
  const keptBy = new Map(kept.map((row) => [key(row), row.n]));
  const countedBy = new Map(counted.map((row) => [key(row), row.n]));
  return [...new Set([...keptBy.keys(), ...countedBy.keys()])].filter((k) => keptBy.get(k) !== countedBy.get(k)).map((k) => ({ key: k, kept: keptBy.get(k), counted: countedBy.get(k) }));
}

beforeAll(async () => {
  await ensureCouncil();
  referrer = await aTestUser("referrer");
  everyTeam = await aTestUser("caseworker", ["early-help", "social-care", "lado", "send"]);
  earlyHelpOnly = await aTestUser("caseworker", ["early-help"]);
});

describe("the inbox's tab counts", () => {
  it("follow every change a referral goes through: sent, responded, sent back, resubmitted, closed, moved to another team", async () => {
    expect(await totals(everyTeam, socialCareForm.id)).toEqual(none);
    const a = await send(at(1));
    const b = await send(at(2));
    const c = await send(at(3));
    expect(await totals(everyTeam, socialCareForm.id)).toEqual({ ...none, new: 3 });
    expect(await totals(everyTeam, socialCareForm.id, "social-care")).toEqual({ ...none, new: 3 });

    expect(await respond(referralDepsAt(at(4)), everyTeam, { id: a.id, response: "Thank you." })).toEqual({ status: "done" });
    expect(await requestInformation(referralDepsAt(at(5)), everyTeam, { id: b.id, reason: "insufficient-detail", comments: "" })).toEqual({ status: "done" });
    expect(await totals(everyTeam, socialCareForm.id)).toEqual({ ...none, new: 1, responded: 1, "awaiting-information": 1 });

    // Resubmitted: a new row in Resubmitted, the original closed, in one transaction.
    const started = await startAddInfoDraft(referralDepsAt(at(6)), referrer, { submissionId: b.id, retentionDays: 30 });
    if (started.status !== "started") throw new Error("expected a draft");
    expect(await submitDraft(submissionDepsAt(at(7)), { userId: referrer.userId }, { draftId: started.draftId, definitionFor })).toMatchObject({ status: "submitted" });
    expect(await totals(everyTeam, socialCareForm.id)).toEqual({ ...none, new: 1, responded: 1, resubmitted: 1, closed: 1 });

    // Moved to Early Help: the referral and its closed first version go; a refused move changes nothing.
    const [v2] = await db.select().from(submissions).where(eq(submissions.previousSubmissionId, b.id));
    expect(await moveTeam(referralDepsAt(at(8)), everyTeam, { id: v2!.id, team: "early-help" })).toEqual({ status: "done" });
    expect(await moveTeam(referralDepsAt(at(9)), everyTeam, { id: v2!.id, team: "early-help" })).toMatchObject({ status: "invalid" });
    expect(await totals(everyTeam, socialCareForm.id, "social-care")).toEqual({ ...none, new: 1, responded: 1 });
    expect(await totals(everyTeam, socialCareForm.id, "early-help")).toEqual({ ...none, resubmitted: 1, closed: 1 });
    expect(await totals(earlyHelpOnly, socialCareForm.id)).toEqual({ ...none, resubmitted: 1, closed: 1 });

    expect(await close(referralDepsAt(at(10)), everyTeam, { id: c.id })).toEqual({ status: "done" });
    expect(await close(referralDepsAt(at(11)), everyTeam, { id: a.id })).toEqual({ status: "done" });
    // A second close is refused and counted once.
    expect(await close(referralDepsAt(at(12)), everyTeam, { id: a.id })).toMatchObject({ status: "wrong-state" });
    expect(await totals(everyTeam, socialCareForm.id)).toEqual({ ...none, resubmitted: 1, closed: 3 });
    expect(await totals(earlyHelpOnly, socialCareForm.id)).toEqual({ ...none, resubmitted: 1, closed: 1 });

    // Each total is the number of rows the tab lists, page after page.
    const listed = await inboxOf(everyTeam, { tab: "closed", formId: socialCareForm.id, page: 1, pageSize: 25 });
    expect(listed.rows.map((row) => row.id).sort()).toEqual([a.id, b.id, c.id].sort());

    expect(await keptCountsDisagree()).toEqual([]);
  });

  it("follow rows written or deleted in bulk, as the bench and tidying do", async () => {
    const ids = await db.transaction(async (tx) => {
      const made = await tx
        .insert(submissions)
        .values(
          Array.from({ length: 5 }, (_, index) => submissionRow({
            reference: `CP-BULK-${run}-${index}`.toUpperCase(),
            ownerId: referrer.userId,
            formId: earlyHelpForm.id,
            definition: { title: earlyHelpForm.title },
            status: index < 3 ? ("submitted" as const) : ("closed" as const),
            submittedAt: at(100 + index),
            team: "early-help",
          })),
        )
        .returning({ id: submissions.id });
      return made.map((row) => row.id);
    });
    expect(await totals(everyTeam, earlyHelpForm.id)).toEqual({ ...none, new: 3, closed: 2 });
    await db.update(submissions).set({ status: "response-posted" }).where(inArray(submissions.id, ids.slice(0, 2)));
    expect(await totals(everyTeam, earlyHelpForm.id)).toEqual({ ...none, new: 1, responded: 2, closed: 2 });
    // A rolled-back change leaves the counts as they were.
    await expect(
      db.transaction(async (tx) => {
        await tx.update(submissions).set({ status: "closed" }).where(inArray(submissions.id, ids));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await totals(everyTeam, earlyHelpForm.id)).toEqual({ ...none, new: 1, responded: 2, closed: 2 });
    await db.delete(submissions).where(inArray(submissions.id, ids));
    expect(await totals(everyTeam, earlyHelpForm.id)).toEqual(none);
    expect(await keptCountsDisagree()).toEqual([]);
  });
});

describe("the inbox's pages", () => {
  it("continue each other exactly, oldest first with ties by id, across teams, for a tab, a team and a form", async () => {
    // 13 referrals over 3 teams, several sent at the same moment (ties are ordered by id).
    const teamsInTurn = ["social-care", "early-help", "lado"];
    const values = Array.from({ length: 13 }, (_, index) => submissionRow({
      reference: `CP-PAGE-${run}-${String(index).padStart(2, "0")}`.toUpperCase(),
      ownerId: referrer.userId,
      formId: index % 4 === 0 ? earlyHelpForm.id : socialCareForm.id,
      status: "submitted" as const,
      submittedAt: at(200 + Math.floor(index / 3)),
      team: teamsInTurn[index % 3]!,
      peopleNames: `page child${run}`,
    }));
    const made = await db.insert(submissions).values(values).returning({ id: submissions.id });
    const ids = made.map((row) => row.id);

    /** The tab as one sorted list straight from the table, for the same filter. */
    const expected = async (filter: { team?: string; formId?: string }) =>
      (
        await db
          .select({ id: submissions.id })
          .from(submissions)
          .where(and(inArray(submissions.id, ids), filter.team ? eq(submissions.team, filter.team) : undefined, filter.formId ? eq(submissions.formId, filter.formId) : undefined))
          .orderBy(asc(submissions.submittedAt), asc(submissions.id))
      ).map((row) => row.id);
    /** Every page of 4 in turn, joined, keeping only this test's rows (other files' referrals share the tab). */
    const paged = async (filter: { team?: string; formId?: string }) => {
      const first = await inboxOf(everyTeam, { tab: "new", team: filter.team ?? null, formId: filter.formId ?? null, page: 1, pageSize: 4 });
      const pages = Math.ceil(first.total / 4);
      const all = [...first.rows];
      for (let page = 2; page <= pages; page += 1) all.push(...(await inboxOf(everyTeam, { tab: "new", team: filter.team ?? null, formId: filter.formId ?? null, page, pageSize: 4 })).rows);
      expect(all).toHaveLength(first.total);
      const submittedAt = all.map((row) => row.submittedAt.getTime());
      expect(submittedAt).toEqual([...submittedAt].sort((x, y) => x - y));
      return all.map((row) => row.id).filter((id) => ids.includes(id));
    };

    expect(await paged({ formId: socialCareForm.id })).toEqual(await expected({ formId: socialCareForm.id }));
    expect(await paged({ formId: socialCareForm.id, team: "lado" })).toEqual(await expected({ formId: socialCareForm.id, team: "lado" }));
    expect(await paged({ team: "lado" })).toEqual(await expected({ team: "lado" }));
    // By search (its own query): the same order, and the total beside it.
    const searched = await inboxOf(everyTeam, { tab: "new", search: `child${run}`, page: 2, pageSize: 5 });
    expect(searched.total).toBe(13);
    expect(searched.rows.map((row) => row.id)).toEqual((await expected({})).slice(5, 10));
    // Past the last page: no rows, and still the total.
    expect(await inboxOf(everyTeam, { tab: "new", search: `child${run}`, page: 4, pageSize: 5 })).toMatchObject({ rows: [], total: 13 });
    // A caseworker of one team gets that team's rows only, in the same order.
    const earlyHelpPage = await inboxOf(earlyHelpOnly, { tab: "new", search: `child${run}`, page: 1, pageSize: 25 });
    expect(earlyHelpPage.rows.map((row) => row.id)).toEqual(await expected({ team: "early-help" }));
    const earlyHelpTab = await inboxOf(earlyHelpOnly, { tab: "new", formId: socialCareForm.id, page: 1, pageSize: 25 });
    expect(earlyHelpTab.rows.every((row) => row.team === "early-help")).toBe(true);
    expect(earlyHelpTab.rows.map((row) => row.id).filter((id) => ids.includes(id))).toEqual(await expected({ team: "early-help", formId: socialCareForm.id }));
  });
});
