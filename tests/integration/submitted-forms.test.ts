import { beforeAll, describe, expect, it } from "vitest";
import { councils, users } from "@/db/schema";
import { startDraft } from "@/lib/drafts/drafts";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { findSubmittedForm, listRecentSubmissions } from "@/lib/submissions/find-submission";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { joinEveryTeam } from "@/tests/support/staff-teams";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date("2027-08-01T09:00:00Z");

async function aReferrer() {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail("sender"), passwordHash: "not-used", forename: "Sol", surname: "Sender" })
    .returning({ id: users.id });
  return user!.id;
}

async function send(ownerId: string, at: Date): Promise<string> {
  const draft = await startDraft(db, { ownerId, form: safeguardingConcern, retentionDays: 30, now: at, people: [{ id: "p1", forename: "Uma", surname: "Demo" }] });
  const result = await submitDraft(submissionDepsAt(at), { userId: ownerId }, { draftId: draft.id, definitionFor: () => safeguardingConcern });
  if (result.status !== "submitted") throw new Error("not sent");
  return result.reference;
}

beforeAll(ensureCouncil);

describe("Submitted Forms", () => {
  it("lists only the user's own forms, newest first, within the window", async () => {
    const alice = await aReferrer();
    const bob = await aReferrer();
    const old = await send(alice, new Date(now.getTime() - 40 * DAY_MS));
    const recent = await send(alice, new Date(now.getTime() - 2 * DAY_MS));
    const newest = await send(alice, new Date(now.getTime() - DAY_MS));
    await send(bob, new Date(now.getTime() - DAY_MS));
    const since = new Date(now.getTime() - 30 * DAY_MS);
    expect((await listRecentSubmissions(db, alice, since)).map((form) => form.reference)).toEqual([newest, recent]);
    expect((await listRecentSubmissions(db, bob, since)).map((form) => form.reference)).not.toContain(recent);
    // Another referrer's reference finds nothing; staff of the form's team find it, staff of no team do not.
    expect(await findSubmittedForm(db, { userId: bob, role: "referrer" }, old)).toBeNull();
    expect(await findSubmittedForm(db, { userId: bob, role: "caseworker" }, old)).toBeNull();
    await joinEveryTeam(bob, "caseworker");
    expect(await findSubmittedForm(db, { userId: bob, role: "caseworker" }, old)).not.toBeNull();
  });
});
