/**
 * The kept-posts store (issue 15) against the real database: a post kept after a session ended
 * comes back once, to the same person, for the same draft, in the same browser, within two
 * hours; to anyone or anything else it is not there. What is stored cannot be read without the key.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { councils, keptPosts, users } from "@/db/schema";
import { endSession, startSession } from "@/lib/auth/sessions";
import { runDraftHousekeeping } from "@/lib/drafts/housekeeping";
import { sessionOwnerOf } from "@/lib/kept-posts/session-owner";
import { deleteFinishedKeptPosts, keepPost, MAX_KEPT_POST_BYTES, MAX_WAITING_KEPT_POSTS, takeKeptPost, type KeptPostBinding } from "@/lib/kept-posts/store";
import type { KeptFields } from "@/lib/kept-posts/fields";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";

const secret = process.env.AUTH_SECRET!;
// A clock of its own, so other files' rows are never in these runs' windows by accident.
const t0 = new Date("2027-06-01T09:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const TYPED: KeptFields = [
  ["draftId", "d"],
  ["sectionId", "professional-details"],
  ["referrerName", "Riley typed this before the timeout"],
  ["concern", "first line"],
  ["concern", "second line"],
];

async function aUser(): Promise<string> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail("kept"), passwordHash: "not-used", forename: "Kay", surname: "Kept" })
    .returning({ id: users.id });
  return user!.id;
}

/** A section post kept for a fresh person, draft and browser. */
async function aKeptPost(fields = TYPED, at = t0) {
  const binding: KeptPostBinding = { kind: "section", targetId: randomUUID(), userId: await aUser(), browserKey: randomBytes(32).toString("base64url") };
  const kept = await keepPost(db, { ...binding, secret, fields, now: at });
  if (kept.status !== "kept") throw new Error(`not kept: ${kept.status}`);
  return { id: kept.id, binding };
}

const take = (id: string, binding: KeptPostBinding, at = later(5)) => takeKeptPost(db, { ...binding, id, secret, now: at });

beforeAll(ensureCouncil);

describe("kept posts", () => {
  it("give back exactly what was posted, repeated fields in order, and only once", async () => {
    const { id, binding } = await aKeptPost();
    expect(await take(id, binding)).toEqual(TYPED);
    expect(await take(id, binding, later(6))).toBeNull();
  });

  it("are gone two hours after they were kept", async () => {
    const first = await aKeptPost();
    const second = await aKeptPost();
    expect(await take(first.id, first.binding, later(120))).toBeNull();
    expect(await take(second.id, second.binding, later(119))).toEqual(TYPED);
  });

  it("are not there for another person, and stay there for the right one", async () => {
    const { id, binding } = await aKeptPost();
    const stranger = await aUser();
    expect(await take(id, { ...binding, userId: stranger })).toBeNull();
    expect(await take(id, binding)).toEqual(TYPED);
  });

  it("are not there for another draft, another kind of form, or another browser", async () => {
    const { id, binding } = await aKeptPost();
    expect(await take(id, { ...binding, targetId: randomUUID() })).toBeNull();
    expect(await take(id, { ...binding, targetId: null })).toBeNull();
    expect(await take(id, { ...binding, kind: "send-message" })).toBeNull();
    expect(await take(id, { ...binding, browserKey: randomBytes(32).toString("base64url") })).toBeNull();
    expect(await take("not-an-id", binding)).toBeNull();
    expect(await take(id, binding)).toEqual(TYPED);
  });

  it("are stored encrypted: the text is not in the row, and the row's ciphertext opens for no other row", async () => {
    const { id, binding } = await aKeptPost();
    const [row] = await db.select().from(keptPosts).where(eq(keptPosts.id, id));
    expect(JSON.stringify(row)).not.toContain("Riley typed this");
    expect(Buffer.from(row!.ciphertext, "base64").toString("latin1")).not.toContain("Riley");

    // Someone with the database copies the sealed fields onto a post of their own: it does not open.
    const theirs = await aKeptPost([["x", "y"]]);
    await db.update(keptPosts).set({ iv: row!.iv, tag: row!.tag, ciphertext: row!.ciphertext }).where(eq(keptPosts.id, theirs.id));
    expect(await take(theirs.id, theirs.binding)).toBeNull();
    // And under another secret, even the right person's post does not open.
    expect(await takeKeptPost(db, { ...binding, id, secret: `${secret}-rotated`, now: later(5) })).toBeNull();
  });

  it("refuse a post larger than the limit, and more than the limit waiting for one person", async () => {
    const binding: KeptPostBinding = { kind: "account", targetId: null, userId: await aUser(), browserKey: "browser" };
    const huge: KeptFields = [["body", "x".repeat(MAX_KEPT_POST_BYTES)]];
    expect(await keepPost(db, { ...binding, secret, fields: huge, now: t0 })).toEqual({ status: "too-large" });
    for (let n = 0; n < MAX_WAITING_KEPT_POSTS; n += 1) expect((await keepPost(db, { ...binding, secret, fields: TYPED, now: t0 })).status).toBe("kept");
    expect(await keepPost(db, { ...binding, secret, fields: TYPED, now: t0 })).toEqual({ status: "too-many" });
    // Two hours on, the old ones no longer count.
    expect((await keepPost(db, { ...binding, secret, fields: TYPED, now: later(120) })).status).toBe("kept");
  });

  it("are deleted by the daily housekeeping once used or expired, and kept while they wait", async () => {
    const used = await aKeptPost(TYPED, later(-10));
    await take(used.id, used.binding, later(-5));
    const expired = await aKeptPost(TYPED, later(-121));
    const waiting = await aKeptPost(TYPED, later(-10));

    const result = await runDraftHousekeeping({ db, now: t0, mail: async () => {} });

    expect(result.keptPostsDeleted).toBeGreaterThanOrEqual(2);
    const left = async (id: string) => (await db.select({ id: keptPosts.id }).from(keptPosts).where(eq(keptPosts.id, id))).length;
    expect([await left(used.id), await left(expired.id), await left(waiting.id)]).toEqual([0, 0, 1]);
    expect(await take(waiting.id, waiting.binding, later(1))).toEqual(TYPED);
    expect(await deleteFinishedKeptPosts(db, later(2))).toBeGreaterThanOrEqual(1);
  });

  it("are bound to the person whose session ended: an ended session still names its owner", async () => {
    const userId = await aUser();
    const sessionId = await startSession(db, userId, t0);
    await endSession(db, sessionId, "idle", later(31));
    expect(await sessionOwnerOf(db, sessionId)).toBe(userId);
    expect(await sessionOwnerOf(db, randomUUID())).toBeNull();
    expect(await sessionOwnerOf(db, "not-a-session")).toBeNull();
  });
});
