import { eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { beforeAll, describe, expect, it } from "vitest";
import { createDraftMailer } from "@/emails/draft-mailer";
import { SAVED_FOR_LATER_SUBJECT } from "@/emails/form-emails";
import { executorFor } from "@/lib/jobs/sql-executor";
import { councils, users } from "@/db/schema";
import type { AddressProvider } from "@/lib/address/address-provider";
import { bundledGazetteer } from "@/lib/address/gazetteer";
import { findDraftForOwner, startDraft } from "@/lib/drafts/drafts";
import { saveSection } from "@/lib/drafts/save-section";
import { formById } from "@/lib/forms/catalogue";
import type { FormReader } from "@/lib/forms/question-types";
import type { SectionIntent } from "@/lib/forms/section-intents";
import { db, emailsTo, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";

const now = new Date("2026-11-01T09:00:00Z");
const APP_URL = "https://portal.example";
const mail = createDraftMailer(new PgBoss({ db: executorFor(db), supervise: false, schedule: false, migrate: false }), "Demo Borough Council");
const people = [
  { id: "p1", forename: "Amy", surname: "Smith" },
  { id: "p2", forename: "Ben", surname: "Smith" },
];

async function aUser(): Promise<string> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail("sections"), passwordHash: "not-used", forename: "Sam", surname: "Section" })
    .returning({ id: users.id });
  return user!.id;
}

const posted = (fields: Record<string, string>): FormReader => ({ get: (name) => fields[name], getAll: (name) => (fields[name] === undefined ? [] : [fields[name]!]) });

async function post(ownerId: string, draftId: string, formId: string, sectionId: string, revision: number, fields: Record<string, string>, intent: SectionIntent = { kind: "next" }, addressProvider: AddressProvider = bundledGazetteer()) {
  const definition = formById(formId)!;
  return saveSection({ db, now, mail, appUrl: APP_URL }, {
    ownerId,
    draftId,
    definition,
    section: definition.sections.find((section) => section.id === sectionId)!,
    expectedRevision: revision,
    form: posted(fields),
    intent,
    addressProvider,
  });
}

beforeAll(ensureCouncil);

describe("saving a section page", () => {
  it("saves what was typed even when it fails its check, and says which field", async () => {
    const owner = await aUser();
    const draft = await startDraft(db, { ownerId: owner, form: formById("safeguarding-concern")!, retentionDays: 30, now, people });
    const result = await post(owner, draft.id, "safeguarding-concern", "contact-information", draft.revision, { parentEmail: "nope", safeToContact: "yes" });
    expect(result).toMatchObject({ status: "saved", errors: { parentEmail: expect.any(String) } });
    const stored = await findDraftForOwner(db, owner, draft.id, now);
    expect(stored?.answers).toMatchObject({ parentEmail: "nope", safeToContact: "yes" });
    expect(stored?.currentSectionId).toBe("contact-information");
  });

  it("refuses a page posted from a stale copy, and overwrites nothing", async () => {
    const owner = await aUser();
    const draft = await startDraft(db, { ownerId: owner, form: formById("safeguarding-concern")!, retentionDays: 30, now, people });
    const first = await post(owner, draft.id, "safeguarding-concern", "contact-information", draft.revision, { parentName: "First tab", safeToContact: "yes" });
    expect(first.status).toBe("saved");
    const second = await post(owner, draft.id, "safeguarding-concern", "contact-information", draft.revision, { parentName: "Second tab", safeToContact: "no" });
    expect(second).toMatchObject({ status: "stale", answers: { parentName: "Second tab" } });
    expect((await findDraftForOwner(db, owner, draft.id, now))?.answers).toMatchObject({ parentName: "First tab", safeToContact: "yes" });
  });

  it("Save for later saves and queues the email with the link to the draft in the same step; a stale save queues none", async () => {
    const owner = await aUser();
    const [account] = await db.select({ email: users.email }).from(users).where(eq(users.id, owner));
    const draft = await startDraft(db, { ownerId: owner, form: formById("safeguarding-concern")!, retentionDays: 30, now, people });
    const saved = await post(owner, draft.id, "safeguarding-concern", "contact-information", draft.revision, { parentName: "Saved" }, { kind: "save-for-later" });
    expect(saved.status).toBe("saved");
    const emails = await emailsTo(account!.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ subject: SAVED_FOR_LATER_SUBJECT, template: "saved-for-later" });
    expect(emails[0]!.text).toContain(`Dear Sam,`);
    expect(emails[0]!.text).toContain(`${APP_URL}/drafts/${draft.id}`);

    const stale = await post(owner, draft.id, "safeguarding-concern", "contact-information", draft.revision, { parentName: "Old tab" }, { kind: "save-for-later" });
    expect(stale.status).toBe("stale");
    expect(await emailsTo(account!.email)).toHaveLength(1);
  });

  it("treats another user's draft as not found", async () => {
    const owner = await aUser();
    const intruder = await aUser();
    const draft = await startDraft(db, { ownerId: owner, form: formById("safeguarding-concern")!, retentionDays: 30, now, people });
    expect(await post(intruder, draft.id, "safeguarding-concern", "contact-information", draft.revision, { parentName: "Intruder" })).toEqual({ status: "not-found" });
    expect((await findDraftForOwner(db, owner, draft.id, now))?.answers).toEqual({});
  });

  it("fills an address picked from the gazetteer list, and splits a person out of a per-person answer", async () => {
    const owner = await aUser();
    const definition = formById("multi-agency-referral")!;
    const addressQuestion = definition.sections.flatMap((section) => section.questions.map((question) => ({ section, question }))).find(({ question }) => question.type === "address")!;
    const draft = await startDraft(db, { ownerId: owner, form: definition, retentionDays: 30, now, people });
    const lookup = await bundledGazetteer().find("DY1 1AA");
    const [match] = lookup.status === "found" ? lookup.addresses : [];
    const name = addressQuestion.question.id;
    const result = await post(owner, draft.id, definition.id, addressQuestion.section.id, draft.revision, { [`${name}-postcode`]: "dy11aa", [`${name}-uprn`]: match!.uprn }, { kind: "autosave" });
    expect(result.status).toBe("saved");
    expect((await findDraftForOwner(db, owner, draft.id, now))?.answers[name]).toMatchObject({ uprn: match!.uprn, line1: match!.line1, town: match!.town });
    // Saved again while the lookup is down (the picked page posts postcode and UPRN only): the stored pick is kept.
    const down: AddressProvider = { find: async () => ({ status: "unavailable" }), byUprn: async () => ({ status: "unavailable" }) };
    const again = await post(owner, draft.id, definition.id, addressQuestion.section.id, draft.revision + 1, { [`${name}-postcode`]: "DY1 1AA", [`${name}-uprn`]: match!.uprn }, { kind: "autosave" }, down);
    expect(again.status).toBe("saved");
    expect((await findDraftForOwner(db, owner, draft.id, now))?.answers[name]).toMatchObject({ uprn: match!.uprn, line1: match!.line1, town: match!.town });

    const perPerson = definition.sections.flatMap((section) => section.questions.map((question) => ({ section, question }))).find(({ question }) => question.isPerPerson && question.type === "text")!;
    const split = await post(owner, draft.id, definition.id, perPerson.section.id, draft.revision + 2, { [`${perPerson.question.id}__count`]: "1", [`${perPerson.question.id}__0__people`]: "p1,p2", [`${perPerson.question.id}__0`]: "Same for both" }, { kind: "change", change: { kind: "split", questionId: perPerson.question.id, personId: "p2" } });
    expect(split.status).toBe("saved");
    expect((await findDraftForOwner(db, owner, draft.id, now))?.answers[perPerson.question.id]).toEqual({
      groups: [
        { personIds: ["p1"], value: "Same for both" },
        { personIds: ["p2"], value: "Same for both" },
      ],
    });
  });
});
