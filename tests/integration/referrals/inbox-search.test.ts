/**
 * The inbox's search as it is built for 1,000,000 submissions (lib/referrals/inbox.ts): a child's
 * name is matched in inbox_search, narrow copies of submissions kept by triggers (migration
 * inbox_search), and a reference in submissions. The copies must follow every change a referral
 * goes through, and the search must find exactly what one LIKE over submissions finds, within the
 * staff member's teams, once each, oldest first.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, like, or, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { deliveries, referralEvents, submissions } from "@/db/schema";
import { earlyHelpAssessment } from "@/lib/forms/definitions/early-help-assessment";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import type { FormDefinition, Person } from "@/lib/forms/types";
import { close, INBOX_TABS, moveTeam, requestInformation, respond, startAddInfoDraft, type InboxTab, type StaffUser } from "@/lib/referrals";
import { escapeLike, normaliseSearch } from "@/lib/referrals/naming";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, ensureCouncil } from "@/tests/support/auth-fixture";
import { aTestUser, sendForm, submissionRow } from "@/tests/support/inbox-fixture";
import { inboxOf, referralDepsAt } from "@/tests/support/referral-fixture";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const run = randomUUID().slice(0, 8);
const socialCareForm: FormDefinition = { ...safeguardingConcern, id: `inbox-search-sc-${run}` };
const earlyHelpForm: FormDefinition = { ...earlyHelpAssessment, id: `inbox-search-eh-${run}` };
const definitionFor = (formId: string) => [socialCareForm, earlyHelpForm].find((form) => form.id === formId);
const t0 = new Date("2029-06-01T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

type Staff = StaffUser & { teams: string[] };
let referrer: StaffUser;
let everyTeam: Staff;
let earlyHelpOnly: Staff;
let socialCareOnly: Staff;
let noTeam: Staff;

async function aUser(role: "referrer" | "caseworker", teams: string[] = []): Promise<Staff> {
  return { ...(await aTestUser(role, teams)), teams };
}

const send = (when: Date, form: FormDefinition, people: Pick<Person, "id" | "forename" | "surname">[]) => sendForm(referrer, when, form, people, definitionFor);

/** Every page of a search (pages of 2), joined; each page must carry the same total as the rows found. */
async function searched(staff: Staff, tab: InboxTab, search: string, filter: { team?: string; formId?: string } = {}): Promise<string[]> {
  const query = { tab, search, team: filter.team ?? null, formId: filter.formId ?? null, pageSize: 2 };
  const first = await inboxOf(staff, { ...query, page: 1 });
  const ids = first.rows.map((row) => row.id);
  for (let page = 2; page <= Math.ceil(first.total / 2) + 1; page += 1) {
    const next = await inboxOf(staff, { ...query, page });
    expect(next.total).toBe(first.total);
    ids.push(...next.rows.map((row) => row.id));
  }
  expect(ids).toHaveLength(first.total);
  return ids;
}

/** The same search as one LIKE over submissions itself, within the staff member's teams, oldest first. */
async function likeOverSubmissions(staff: Staff, tab: InboxTab, search: string, filter: { team?: string; formId?: string } = {}): Promise<string[]> {
  const term = normaliseSearch(search);
  if (staff.teams.length === 0) return [];
  const rows = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      and(
        eq(submissions.status, INBOX_TABS[tab]),
        inArray(submissions.team, staff.teams),
        filter.team ? eq(submissions.team, filter.team) : undefined,
        filter.formId ? eq(submissions.formId, filter.formId) : undefined,
        or(like(submissions.reference, `${escapeLike(term.toUpperCase())}%`), like(submissions.peopleNames, `%${escapeLike(term.toLowerCase())}%`)),
      ),
    )
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
  return rows.map((row) => row.id);
}

/** inbox_search against submissions, row by row: what either has that the other has not. */
async function keptSearchDisagrees(): Promise<unknown[]> {
  return [
    ...(await db.execute(sql`
      select 'missing' as "problem", id from (
        select id, submitted_at, status, team, form_id, people_names from submissions
        except select submission_id, submitted_at, status, team, form_id, names from inbox_search) as missing
      union all
      select 'stale', submission_id from (
        select submission_id, submitted_at, status, team, form_id, names from inbox_search
        except select id, submitted_at, status, team, form_id, people_names from submissions) as stale`)),
  ];
}

beforeAll(async () => {
  await ensureCouncil();
  referrer = await aUser("referrer");
  everyTeam = await aUser("caseworker", ["early-help", "social-care", "lado", "send"]);
  earlyHelpOnly = await aUser("caseworker", ["early-help"]);
  socialCareOnly = await aUser("caseworker", ["social-care"]);
  noTeam = await aUser("caseworker");
});

describe("the inbox's search rows", () => {
  it("follow every change a referral goes through, and a search by name finds it in its tab and team after each", async () => {
    const lane = `lane${run}`;
    const moss = `moss${run}`;
    const a = await send(at(1), socialCareForm, [
      { id: "p1", forename: "Kit", surname: `Lane${run}` },
      { id: "p2", forename: "Rosa", surname: `Lane${run}` },
    ]);
    const b = await send(at(2), socialCareForm, [{ id: "p1", forename: "Ada", surname: `Moss${run}` }]);
    const c = await send(at(3), earlyHelpForm, [{ id: "p1", forename: "Kit", surname: `Moss${run}` }]);
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "new", lane)).toEqual([a.id]);
    expect(await searched(everyTeam, "new", `ROSA ${lane}`)).toEqual([a.id]);
    expect(await searched(everyTeam, "new", moss)).toEqual([b.id, c.id]);
    expect(await searched(socialCareOnly, "new", moss)).toEqual([b.id]);
    expect(await searched(earlyHelpOnly, "new", moss)).toEqual([c.id]);
    expect(await searched(noTeam, "new", moss)).toEqual([]);

    expect(await respond(referralDepsAt(at(4)), everyTeam, { id: a.id, response: "Thank you." })).toEqual({ status: "done" });
    expect(await requestInformation(referralDepsAt(at(5)), everyTeam, { id: b.id, reason: "insufficient-detail", comments: "" })).toEqual({ status: "done" });
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "new", lane)).toEqual([]);
    expect(await searched(everyTeam, "responded", lane)).toEqual([a.id]);
    expect(await searched(everyTeam, "new", moss)).toEqual([c.id]);
    expect(await searched(everyTeam, "awaiting-information", moss)).toEqual([b.id]);

    // Resubmitted: a new row in Resubmitted (sent at 7), the original closed, in one transaction.
    const started = await startAddInfoDraft(referralDepsAt(at(6)), referrer, { submissionId: b.id, retentionDays: 30 });
    if (started.status !== "started") throw new Error("expected a draft");
    expect(await submitDraft(submissionDepsAt(at(7)), { userId: referrer.userId }, { draftId: started.draftId, definitionFor })).toMatchObject({ status: "submitted" });
    const [v2] = await db.select().from(submissions).where(eq(submissions.previousSubmissionId, b.id));
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "resubmitted", moss)).toEqual([v2!.id]);
    expect(await searched(everyTeam, "closed", moss)).toEqual([b.id]);
    expect(await searched(everyTeam, "awaiting-information", moss)).toEqual([]);

    // Moved to Early Help with its closed first version: its Early Help caseworker finds them, its Social Care one no longer does.
    expect(await moveTeam(referralDepsAt(at(8)), everyTeam, { id: v2!.id, team: "early-help" })).toEqual({ status: "done" });
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(earlyHelpOnly, "resubmitted", moss)).toEqual([v2!.id]);
    expect(await searched(socialCareOnly, "resubmitted", moss)).toEqual([]);
    expect(await searched(everyTeam, "resubmitted", moss, { team: "social-care" })).toEqual([]);
    expect(await searched(everyTeam, "resubmitted", moss, { team: "early-help" })).toEqual([v2!.id]);
    expect(await searched(socialCareOnly, "closed", moss)).toEqual([]);
    expect(await searched(earlyHelpOnly, "closed", moss)).toEqual([b.id]);

    expect(await close(referralDepsAt(at(9)), everyTeam, { id: a.id })).toEqual({ status: "done" });
    expect(await close(referralDepsAt(at(10)), everyTeam, { id: c.id })).toEqual({ status: "done" });
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "closed", moss)).toEqual([b.id, c.id]);
    expect(await searched(everyTeam, "closed", lane)).toEqual([a.id]);
    expect(await searched(earlyHelpOnly, "closed", moss)).toEqual([b.id, c.id]);
    expect(await searched(socialCareOnly, "closed", lane)).toEqual([a.id]);

    // Retention deletes the names (lib/delivery/retention.ts writes this): no longer found by name, still by reference.
    await db.update(submissions).set({ answers: {}, people: [], peopleNames: "", purgedAt: at(11) }).where(eq(submissions.id, a.id));
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "closed", lane)).toEqual([]);
    expect(await searched(everyTeam, "closed", a.reference)).toEqual([a.id]);

    // Deleted (with its history and delivery first): gone from the search with its row.
    await db.transaction(async (tx) => {
      await tx.delete(referralEvents).where(eq(referralEvents.submissionId, v2!.id));
      await tx.delete(deliveries).where(eq(deliveries.submissionId, v2!.id));
      await tx.delete(submissions).where(eq(submissions.id, v2!.id));
    });
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "resubmitted", moss)).toEqual([]);
  });

  it("follow rows written, changed and deleted in bulk, a change to nothing searched, and a rolled-back change", async () => {
    const term = `bulk${run}`;
    const made = await db
      .insert(submissions)
      .values(
        Array.from({ length: 6 }, (_, index) => submissionRow({
          reference: `CP-BULK-${run}-S${index}`.toUpperCase(),
          ownerId: referrer.userId,
          formId: earlyHelpForm.id,
          definition: { title: earlyHelpForm.title },
          status: "submitted" as const,
          submittedAt: at(100 + index),
          team: index % 2 === 0 ? "early-help" : "social-care",
          peopleNames: `amy ${term}-${index}`,
        })),
      )
      .returning({ id: submissions.id });
    const ids = made.map((row) => row.id);
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "new", term)).toEqual(ids);
    expect(await searched(earlyHelpOnly, "new", term)).toEqual([ids[0], ids[2], ids[4]]);

    await db.update(submissions).set({ status: "closed" }).where(inArray(submissions.id, ids.slice(0, 3)));
    await db.update(submissions).set({ team: "lado" }).where(inArray(submissions.id, ids.slice(3)));
    // A change to nothing the search reads (an assignment, a response) leaves it as it was.
    await db.update(submissions).set({ response: "Noted.", respondedAt: at(120) }).where(inArray(submissions.id, ids));
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "closed", term)).toEqual(ids.slice(0, 3));
    expect(await searched(everyTeam, "new", term)).toEqual(ids.slice(3));
    expect(await searched(earlyHelpOnly, "new", term)).toEqual([]);
    expect(await searched(everyTeam, "new", term, { team: "lado" })).toEqual(ids.slice(3));

    // Names changed in bulk, and a change rolled back: the search sees the first, not the second.
    await db.update(submissions).set({ peopleNames: sql`replace(${submissions.peopleNames}, 'amy', 'zoe')` }).where(inArray(submissions.id, ids.slice(3)));
    await expect(
      db.transaction(async (tx) => {
        await tx.update(submissions).set({ status: "submitted", team: "early-help", peopleNames: "" }).where(inArray(submissions.id, ids));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "new", `zoe ${term}`)).toEqual(ids.slice(3));
    expect(await searched(everyTeam, "new", `amy ${term}`)).toEqual([]);
    expect(await searched(everyTeam, "closed", `amy ${term}`)).toEqual(ids.slice(0, 3));

    await db.delete(submissions).where(inArray(submissions.id, ids));
    expect(await keptSearchDisagrees()).toEqual([]);
    expect(await searched(everyTeam, "closed", term)).toEqual([]);
  });
});

describe("the inbox's search", () => {
  it("finds what one LIKE over submissions finds: references and names, each referral once, wildcards as typed, within the staff member's teams, page after page", async () => {
    // Its own mark: the rows the other tests leave (closed, moved) must not be in its lists.
    const mark = randomUUID().slice(0, 8);
    const MARK = mark.toUpperCase();
    const rows: { reference: string; peopleNames: string; team: string; formId?: string; status?: "closed" }[] = [
      // Its reference and its names both match `cp-<mark>`: listed once.
      { reference: `CP-${MARK}-0001`, peopleNames: `cp-${mark} one`, team: "social-care" },
      { reference: `CP-${MARK}-0002`, peopleNames: `zed ${mark}`, team: "early-help" },
      { reference: `CP-X${MARK}-0003`, peopleNames: `amy cp-${mark} | ben ${mark}`, team: "social-care", formId: earlyHelpForm.id },
      { reference: `CP-X${MARK}-0004`, peopleNames: `50% ${mark}`, team: "early-help" },
      { reference: `CP-X${MARK}-0005`, peopleNames: `a_b ${mark}`, team: "lado" },
      { reference: `CP-X${MARK}-0006`, peopleNames: `back\\slash ${mark}`, team: "social-care" },
      { reference: `CP-X${MARK}-0007`, peopleNames: `cp-${mark} closed`, team: "social-care", status: "closed" },
      { reference: `CP-X${MARK}-0008`, peopleNames: `a-b ${mark}`, team: "social-care" },
    ];
    const made = await db
      .insert(submissions)
      .values(
        rows.map((row, index) => submissionRow({
          reference: row.reference,
          ownerId: referrer.userId,
          formId: row.formId ?? socialCareForm.id,
          status: row.status ?? ("submitted" as const),
          // The last four sent at the same moment: ties go by id.
          submittedAt: at(300 + Math.min(index, 4)),
          team: row.team,
          peopleNames: row.peopleNames,
        })),
      )
      .returning({ id: submissions.id });
    expect(made).toHaveLength(rows.length);

    const terms = [`cp-${mark}`, `  CP-${MARK}  `, `cp-x${mark}`, mark, `${mark} | ben`, `50% ${mark}`, `%${mark}`, `a_b ${mark}`, `_b ${mark}`, `back\\slash`, `\\`, `${mark} one`, `cp-${mark} one`];
    for (const staff of [everyTeam, socialCareOnly, earlyHelpOnly, noTeam]) {
      for (const term of terms) {
        for (const tab of ["new", "closed"] as const) {
          expect({ staff: staff.teams, term, tab, found: await searched(staff, tab, term) }).toEqual({ staff: staff.teams, term, tab, found: await likeOverSubmissions(staff, tab, term) });
        }
      }
    }
    // The few that say what the comparison means.
    expect(await searched(everyTeam, "new", `cp-${mark}`)).toEqual([made[0]!.id, made[1]!.id, made[2]!.id]);
    expect(await searched(everyTeam, "new", `%${mark}`)).toEqual([]);
    expect(await searched(everyTeam, "new", `50% ${mark}`)).toEqual([made[3]!.id]);
    expect(await searched(everyTeam, "new", `_b ${mark}`)).toEqual([made[4]!.id]);
    const socialCare = await searched(socialCareOnly, "new", mark);
    expect(socialCare.slice(0, 2)).toEqual([made[0]!.id, made[2]!.id]);
    expect(socialCare.slice(2)).toEqual([made[5]!.id, made[7]!.id].sort()); // sent at the same moment: by id
    expect(await searched(everyTeam, "new", `${mark} | ben`)).toEqual([made[2]!.id]);
    // With a team or a form as well.
    for (const filter of [{ team: "social-care" }, { formId: earlyHelpForm.id }, { team: "early-help", formId: socialCareForm.id }]) {
      expect(await searched(everyTeam, "new", mark, filter)).toEqual(await likeOverSubmissions(everyTeam, "new", mark, filter));
    }
    expect(await searched(everyTeam, "new", mark, { formId: earlyHelpForm.id })).toEqual([made[2]!.id]);
  });
});
