/**
 * The case system's document of a sent form (lib/delivery/document.ts), built from the frozen
 * submission and validated with ajv against the JSON Schema generated for its form version: a
 * form about two children with per-person answers split between them, an answer left behind on
 * a question since hidden, two files (one uploaded, one stored before hashes were kept), and its
 * resubmission "-V2" after a request for more information.
 */
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { attachments, councils, submissions, users } from "@/db/schema";
import { attachToDraft, copySubmissionFilesToDraft } from "@/lib/attachments";
import { submissionDocument } from "@/lib/delivery/document";
import type { SubmissionDocument } from "@/lib/delivery/document-types";
import { saveDraft, startDraft } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import { earlyHelpAssessment } from "@/lib/forms/definitions/early-help-assessment";
import { relationshipChoices } from "@/lib/forms/definitions/choices";
import type { Answers, Person } from "@/lib/forms/types";
import { requestInformation, startAddInfoDraft, type StaffUser } from "@/lib/referrals";
import { getStorage } from "@/lib/storage";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { pdf } from "@/tests/support/attachment-files";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { describeErrors, documentValidator } from "@/tests/support/document-schema";
import { joinEveryTeam } from "@/tests/support/staff-teams";
import { referralDepsAt } from "@/tests/support/referral-fixture";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const appUrl = "https://portal.example.gov.uk";
const t0 = new Date("2028-05-02T09:30:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const storage = getStorage();
const validator = documentValidator(earlyHelpAssessment);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

const people: Person[] = [
  { id: "p1", forename: "Amy", surname: "Smith" },
  { id: "p2", forename: "Ben", surname: "Smith" },
];

const answers: Answers = {
  completingAs: "professional",
  referrerName: "Sam Sender",
  referrerEmail: "sam@school.example",
  referrerPhone: "01632960001",
  referrerRelationship: { groups: [{ personIds: ["p1", "p2"], value: "Class teacher" }] },
  dateOfBirth: { groups: [{ personIds: ["p1"], value: { day: "05", month: "03", year: "2019", isEstimated: true } }, { personIds: ["p2"], value: { day: "10", month: "11", year: "2020" } }] },
  gender: { groups: [{ personIds: ["p1"], value: "female" }, { personIds: ["p2"], value: "male" }] },
  nhsNumber: { groups: [{ personIds: ["p2"], value: "9990000018" }, { personIds: ["p1"], value: "" }] },
  homeAddress: { postcode: "DY1 1AA", line1: "1 High Street", town: "Dudley", isManual: true },
  familyMembers: { rows: [{ name: "Jo Smith", relationship: relationshipChoices[0]!.value }] },
  consentObtained: "no",
  // Typed while consent was "written", then hidden by "no": not part of what was sent.
  consentGivenBy: "Jo Smith, mother",
  noConsentReason: "refused",
};

async function aUser(role: "referrer" | "caseworker"): Promise<StaffUser> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail(role), role, passwordHash: "not-used", forename: "Sam", surname: "Sender", isProfessional: true, organisation: "Dudley Primary", jobRole: "Class teacher" })
    .returning({ id: users.id });
  if (role === "caseworker") await joinEveryTeam(user!.id, "caseworker");
  return { userId: user!.id, role, ip: "203.0.113.9" };
}

async function documentOf(reference: string): Promise<SubmissionDocument> {
  const [row] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.reference, reference));
  const result = await submissionDocument(db, row!.id, { appUrl });
  if (result.status !== "found") throw new Error("no document");
  expect(describeErrors(validator.errorsOf(result.document))).toEqual([]);
  return result.document;
}

let referrer: StaffUser;
let caseworker: StaffUser;

beforeAll(async () => {
  await ensureCouncil();
  referrer = await aUser("referrer");
  caseworker = await aUser("caseworker");
});

describe("the case system's document", () => {
  it("says who sent what about whom: per-person answers under each child, files with their SHA-256, and only answers that apply", async () => {
    const draft = await startDraft(db, { ownerId: referrer.userId, form: earlyHelpAssessment, retentionDays: 30, now: t0, people });
    await saveDraft(db, { ownerId: referrer.userId, draftId: draft.id, expectedRevision: 1, people, answers, now: at(1) });
    const letter = pdf();
    const uploaded = await attachToDraft({ db, storage, now: at(2) }, { userId: referrer.userId }, { draftId: draft.id, fileName: "chronology.pdf", stream: Readable.from([letter]), limits: { maxFileBytes: 1 << 20, maxDraftBytes: 1 << 22 } });
    expect(uploaded.status).toBe("attached");
    // A file stored before uploads kept their hash: the document reads it once and keeps the hash.
    const older = Buffer.from("notes from the school nurse");
    const olderKey = `attachments/${randomUUID()}`;
    await storage.put(olderKey, older, { contentType: "text/plain" });
    const [olderRow] = await db.insert(attachments).values({ ownerId: referrer.userId, draftId: draft.id, objectKey: olderKey, fileName: "notes.txt", contentType: "text/plain", sizeBytes: older.length, kind: "text", createdAt: at(3) }).returning({ id: attachments.id });
    const sent = await submitDraft(submissionDepsAt(at(4)), { userId: referrer.userId }, { draftId: draft.id, definitionFor: formById });
    if (sent.status !== "submitted") throw new Error("not sent");

    const document = await documentOf(sent.reference);
    expect(document).toMatchObject({
      documentVersion: 1,
      schemaUrl: `${appUrl}/api/v1/schemas/early-help-assessment/1.json`,
      reference: sent.reference,
      version: 1,
      previousReference: null,
      form: { id: "early-help-assessment", version: 1, title: earlyHelpAssessment.title },
      team: "early-help",
      sentAt: at(4).toISOString(),
      referrer: { forename: "Sam", surname: "Sender", isProfessional: true, organisation: "Dudley Primary", jobRole: "Class teacher", completingAs: "professional", address: null },
    });
    const [amy, ben] = document.people;
    expect(amy).toMatchObject({ id: "p1", forename: "Amy", surname: "Smith", dateOfBirth: "2019-03-05" });
    expect(amy!.answers).toEqual([
      { questionId: "referrerRelationship", label: "Your relationship to Amy", value: "Class teacher", text: "Class teacher" },
      { questionId: "dateOfBirth", label: "Date of birth", value: "2019-03-05", isEstimated: true, text: "5 March 2019 (estimated)" },
      { questionId: "gender", label: "Gender", value: "female", text: "Female" },
    ]);
    expect(ben).toMatchObject({ dateOfBirth: "2020-11-10" });
    expect(ben!.answers.map((answer) => [answer.questionId, answer.value])).toEqual([
      ["referrerRelationship", "Class teacher"],
      ["dateOfBirth", "2020-11-10"],
      ["gender", "male"],
      ["nhsNumber", "9990000018"],
    ]);
    expect(ben!.answers.at(-1)?.text).toBe("999 000 0018");

    const formLevel = Object.fromEntries(document.answers.map((answer) => [answer.questionId, answer]));
    expect(Object.keys(formLevel)).toEqual(["referrerName", "referrerEmail", "referrerPhone", "homeAddress", "familyMembers", "consentObtained", "noConsentReason"]);
    expect(formLevel.homeAddress).toMatchObject({ value: { postcode: "DY1 1AA", line1: "1 High Street", town: "Dudley", isManual: true }, text: "1 High Street, Dudley, DY1 1AA" });
    expect(formLevel.consentObtained).toMatchObject({ value: "no", text: "No" });

    expect(document.files).toEqual([
      { id: expect.any(String), name: "chronology.pdf", contentType: "application/pdf", sizeBytes: letter.length, sha256: sha256(letter), downloadUrl: expect.stringMatching(new RegExp(`^${appUrl}/api/v1/submissions/${sent.reference}/files/[0-9a-f-]{36}$`)) },
      { id: olderRow!.id, name: "notes.txt", contentType: "text/plain", sizeBytes: older.length, sha256: sha256(older), downloadUrl: `${appUrl}/api/v1/submissions/${sent.reference}/files/${olderRow!.id}` },
    ]);
    const [kept] = await db.select({ sha256: attachments.sha256 }).from(attachments).where(eq(attachments.id, olderRow!.id));
    expect(kept?.sha256).toBe(sha256(older));
  });

  it("makes a resubmission's document its own version, naming the reference it answers, with the files sent again", async () => {
    const draft = await startDraft(db, { ownerId: referrer.userId, form: earlyHelpAssessment, retentionDays: 30, now: at(10), people });
    await saveDraft(db, { ownerId: referrer.userId, draftId: draft.id, expectedRevision: 1, people, answers, now: at(11) });
    await attachToDraft({ db, storage, now: at(11) }, { userId: referrer.userId }, { draftId: draft.id, fileName: "chronology.pdf", stream: Readable.from([pdf()]), limits: { maxFileBytes: 1 << 20, maxDraftBytes: 1 << 22 } });
    const first = await submitDraft(submissionDepsAt(at(12)), { userId: referrer.userId }, { draftId: draft.id, definitionFor: formById });
    if (first.status !== "submitted") throw new Error("not sent");
    const [original] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.reference, first.reference));
    expect(await requestInformation(referralDepsAt(at(20)), caseworker, { id: original!.id, reason: "insufficient-detail", comments: "More about Ben" })).toEqual({ status: "done" });

    const started = await startAddInfoDraft(referralDepsAt(at(30)), referrer, { submissionId: original!.id, retentionDays: 30 });
    if (started.status !== "started") throw new Error("no add-info draft");
    await copySubmissionFilesToDraft({ db, storage, now: at(30) }, { userId: referrer.userId }, { submissionId: original!.id, draftId: started.draftId });
    const moreAnswers: Answers = { ...answers, childConsent: { groups: [{ personIds: ["p1", "p2"], value: "notAsked" }] } };
    await saveDraft(db, { ownerId: referrer.userId, draftId: started.draftId, expectedRevision: 1, people, answers: moreAnswers, now: at(31) });
    const again = await submitDraft(submissionDepsAt(at(32)), { userId: referrer.userId }, { draftId: started.draftId, definitionFor: formById });
    if (again.status !== "submitted") throw new Error("not resent");
    expect(again.reference).toBe(`${first.reference}-V2`);

    const document = await documentOf(again.reference);
    expect(document).toMatchObject({ reference: `${first.reference}-V2`, version: 2, previousReference: first.reference, sentAt: at(32).toISOString() });
    expect(document.people.map((person) => person.answers.find((answer) => answer.questionId === "childConsent")?.text)).toEqual(["Not asked", "Not asked"]);
    expect(document.files.map((file) => [file.name, file.sha256])).toEqual([["chronology.pdf", sha256(pdf())]]);
    expect(document.files[0]!.downloadUrl).toContain(`/api/v1/submissions/${first.reference}-V2/files/`);
  });

  it("finds nothing for an id that is not a submission", async () => {
    expect(await submissionDocument(db, randomUUID(), { appUrl })).toEqual({ status: "not-found" });
  });
});
