import { eq, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { beforeAll, describe, expect, it } from "vitest";
import { councils, drafts, users } from "@/db/schema";
import { createDraftMailer } from "@/emails/draft-mailer";
import { DRAFT_EXPIRY_REMINDER_SUBJECT } from "@/emails/draft-expiry-reminder";
import type { DraftMailer } from "@/lib/drafts/deps";
import { startDraft } from "@/lib/drafts/drafts";
import { runDraftHousekeeping } from "@/lib/drafts/housekeeping";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { executorFor } from "@/lib/jobs/sql-executor";
import { council, db, emailsTo, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { waitFor } from "@/tests/support/wait-for";

const DAY_MS = 24 * 60 * 60 * 1000;
// A clock of its own, far from other files' drafts, so their drafts fall outside these runs' windows
// only by expiring (which is what housekeeping is for).
const t0 = new Date("2027-03-01T09:00:00Z");
const days = (n: number, from = t0) => new Date(from.getTime() + n * DAY_MS);

const sender = new PgBoss({ db: executorFor(db), supervise: false, schedule: false, migrate: false });
const sendReminder = createDraftMailer(sender, council.name);

async function aUser(): Promise<{ id: string; email: string }> {
  const [row] = await db.select({ id: councils.id }).from(councils).limit(1);
  const email = uniqueEmail("keeper");
  const [user] = await db
    .insert(users)
    .values({ councilId: row!.id, email, passwordHash: "not-used", forename: "Kit", surname: "Keeper" })
    .returning({ id: users.id });
  return { id: user!.id, email };
}

/** A draft that expires `daysLeft` days after `now` (started 30 - daysLeft days before it). */
const draftExpiringIn = (ownerId: string, daysLeft: number, now = t0) =>
  startDraft(db, { ownerId, form: safeguardingConcern, retentionDays: 30, now: days(daysLeft - 30, now) });

const findDraft = async (id: string) => (await db.select().from(drafts).where(eq(drafts.id, id)))[0];

beforeAll(ensureCouncil);

describe("draft housekeeping", () => {
  it("deletes expired drafts and keeps live ones", async () => {
    const owner = await aUser();
    const expired = await draftExpiringIn(owner.id, -1);
    const expiringNow = await draftExpiringIn(owner.id, 0);
    const live = await draftExpiringIn(owner.id, 20);

    const result = await runDraftHousekeeping({ db, now: t0, mail: sendReminder });

    expect(result.deleted).toBeGreaterThanOrEqual(2);
    expect(await findDraft(expired.id)).toBeUndefined();
    expect(await findDraft(expiringNow.id)).toBeUndefined();
    expect(await findDraft(live.id)).toMatchObject({ id: live.id, reminderSentAt: null });
    expect(await emailsTo(owner.email)).toHaveLength(0);
  });

  it("emails one reminder for a draft expiring in 2 days, even when run twice, naming the form and the date", async () => {
    const owner = await aUser();
    const draft = await draftExpiringIn(owner.id, 2);

    const first = await runDraftHousekeeping({ db, now: t0, mail: sendReminder });
    const second = await runDraftHousekeeping({ db, now: new Date(t0.getTime() + 60_000), mail: sendReminder });

    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(second.reminded).toBe(0);
    const sent = await emailsTo(owner.email);
    expect(sent).toHaveLength(1);
    const [email] = sent;
    expect(email).toMatchObject({ subject: DRAFT_EXPIRY_REMINDER_SUBJECT, template: "draft-expiry-reminder" });
    expect(email!.text).toContain("Child/Young Person Safeguarding Concern");
    expect(email!.text).toContain("Recover a form");
    // 09:00 UTC on 3 March 2027 is 9am in London (GMT).
    expect(email!.text).toContain("9am on Wednesday 3 March 2027");
    expect(email!.text).toContain("Kit");
    expect((await findDraft(draft.id))?.reminderSentAt).toEqual(t0);
  });

  it("sends one reminder when a second worker finds the same draft due while the first is sending", async () => {
    const owner = await aUser();
    const draft = await draftExpiringIn(owner.id, 1);

    // While the first run's transaction is open, a second run starts, sees the draft still
    // unreminded (the claim is not committed) and waits on its row; only then does the first commit.
    let secondRun: ReturnType<typeof runDraftHousekeeping> | undefined;
    const sendThenLetAnotherWorkerIn: DraftMailer = async (tx, reminder) => {
      await sendReminder(tx, reminder);
      if (reminder.draftId !== draft.id || secondRun) return;
      secondRun = runDraftHousekeeping({ db, now: t0, mail: sendReminder });
      await waitFor(async () => {
        const waiting = await db.execute(sql`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        return waiting.length > 0;
      }, 10_000, "the second run to wait on the draft's row");
    };

    const first = await runDraftHousekeeping({ db, now: t0, mail: sendThenLetAnotherWorkerIn });
    const second = await secondRun!;

    expect(first.reminded).toBe(1);
    expect(second.reminded).toBe(0);
    expect(await emailsTo(owner.email)).toHaveLength(1);
  });

  it("sends nothing for a draft expiring in 10 days", async () => {
    const owner = await aUser();
    const draft = await draftExpiringIn(owner.id, 10);

    await runDraftHousekeeping({ db, now: t0, mail: sendReminder });

    expect(await emailsTo(owner.email)).toHaveLength(0);
    expect((await findDraft(draft.id))?.reminderSentAt).toBeNull();
  });

  it("leaves the draft unreminded when queueing the email fails, so the next run sends it", async () => {
    const owner = await aUser();
    const draft = await draftExpiringIn(owner.id, 2);
    const failing = async () => {
      throw new Error("mail queue unavailable");
    };

    await expect(runDraftHousekeeping({ db, now: t0, mail: failing })).rejects.toThrow(/reminder/);
    expect((await findDraft(draft.id))?.reminderSentAt).toBeNull();

    await runDraftHousekeeping({ db, now: t0, mail: sendReminder });
    expect(await emailsTo(owner.email)).toHaveLength(1);
  });
});
