import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { deleteDraft, deleteExpiredDrafts, findDraftForOwner, listDraftsForOwner, saveDraft, startDraft } from "@/lib/drafts/drafts";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { councils } from "@/db/schema";

const t0 = new Date("2026-11-01T09:00:00Z");
const days = (n: number) => new Date(t0.getTime() + n * 24 * 60 * 60 * 1000);

async function aUser(): Promise<string> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail("drafter"), passwordHash: "not-used", forename: "Dee", surname: "Rafter" })
    .returning({ id: users.id });
  return user!.id;
}

const start = (ownerId: string, now = t0) => startDraft(db, { ownerId, form: safeguardingConcern, retentionDays: 30, now });

beforeAll(ensureCouncil);

describe("drafts", () => {
  it("are reachable only by their owner: another user's id works like one that does not exist", async () => {
    const alice = await aUser();
    const bob = await aUser();
    const draft = await start(alice);
    expect(await findDraftForOwner(db, alice, draft.id, t0)).toMatchObject({ id: draft.id, formVersion: 1 });
    expect(await findDraftForOwner(db, bob, draft.id, t0)).toBeNull();
    expect(await saveDraft(db, { ownerId: bob, draftId: draft.id, expectedRevision: 1, answers: { referrerName: "Bob" }, now: t0 })).toEqual({ status: "not-found" });
    expect(await deleteDraft(db, bob, draft.id)).toBe(false);
    expect(await listDraftsForOwner(db, bob, t0)).toEqual([]);
    expect((await findDraftForOwner(db, alice, draft.id, t0))?.answers).toEqual({});
  });

  it("refuse a save from a stale copy (a second tab) and keep the newer answers", async () => {
    const owner = await aUser();
    const draft = await start(owner);
    const firstTab = await saveDraft(db, { ownerId: owner, draftId: draft.id, expectedRevision: 1, answers: { referrerName: "From tab one" }, currentSectionId: "professional-details", now: t0 });
    expect(firstTab).toEqual({ status: "saved", revision: 2 });
    const secondTab = await saveDraft(db, { ownerId: owner, draftId: draft.id, expectedRevision: 1, answers: { referrerName: "From tab two" }, now: t0 });
    expect(secondTab).toEqual({ status: "stale", revision: 2 });
    const stored = await findDraftForOwner(db, owner, draft.id, t0);
    expect(stored).toMatchObject({ answers: { referrerName: "From tab one" }, currentSectionId: "professional-details", revision: 2 });
  });

  it("are kept 30 days from their start, listed with days left, and deleted by the expiry clean-up", async () => {
    const owner = await aUser();
    const older = await start(owner, t0);
    const newer = await start(owner, days(10));
    expect((await listDraftsForOwner(db, owner, days(12))).map((d) => [d.id, d.daysLeft])).toEqual([
      [older.id, 18],
      [newer.id, 28],
    ]);
    // Saving does not extend the time a draft is kept.
    await saveDraft(db, { ownerId: owner, draftId: older.id, expectedRevision: 1, answers: { referrerName: "Still here" }, now: days(29) });
    expect(await findDraftForOwner(db, owner, older.id, days(30))).toBeNull();
    const deleted = await deleteExpiredDrafts(db, days(30));
    expect(deleted).toContain(older.id);
    expect(deleted).not.toContain(newer.id);
    expect((await listDraftsForOwner(db, owner, days(30))).map((d) => d.id)).toEqual([newer.id]);
  });

  it("can be cancelled by their owner", async () => {
    const owner = await aUser();
    const draft = await start(owner);
    expect(await deleteDraft(db, owner, draft.id)).toBe(true);
    expect(await findDraftForOwner(db, owner, draft.id, t0)).toBeNull();
    expect(await deleteDraft(db, owner, randomUUID())).toBe(false);
  });
});
