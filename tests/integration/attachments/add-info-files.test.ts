import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { councils, users } from "@/db/schema";
import { attachToDraft, copySubmissionFilesToDraft, listAttachments, removeAttachment } from "@/lib/attachments";
import { startDraft } from "@/lib/drafts/drafts";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { requestInformation, startAddInfoDraft } from "@/lib/referrals";
import { getStorage } from "@/lib/storage";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { pdf } from "@/tests/support/attachment-files";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { joinEveryTeam } from "@/tests/support/staff-teams";
import { referralDepsAt } from "@/tests/support/referral-fixture";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const now = new Date("2027-07-01T09:00:00Z");
const storage = getStorage();

async function aUser(role: "referrer" | "caseworker") {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail(role), passwordHash: "not-used", forename: "Pat", surname: role, role })
    .returning({ id: users.id });
  await joinEveryTeam(user!.id, role);
  return { userId: user!.id, role };
}

beforeAll(ensureCouncil);

describe("Add info on a form sent back", () => {
  it("opens with copies of the files that were sent: removing one from the draft leaves what was sent", async () => {
    const referrer = await aUser("referrer");
    const caseworker = await aUser("caseworker");
    const draft = await startDraft(db, { ownerId: referrer.userId, form: safeguardingConcern, retentionDays: 30, now, people: [{ id: "p1", forename: "Tia", surname: "Demo" }] });
    const attached = await attachToDraft({ db, storage, now }, referrer, {
      draftId: draft.id,
      fileName: "chronology.pdf",
      stream: Readable.from(pdf()),
      limits: { maxFileBytes: 10 * 1024 * 1024, maxDraftBytes: 50 * 1024 * 1024 },
    });
    expect(attached.status).toBe("attached");
    const sent = await submitDraft(submissionDepsAt(now), { userId: referrer.userId }, { draftId: draft.id, definitionFor: () => safeguardingConcern });
    if (sent.status !== "submitted") throw new Error("not sent");
    const [row] = await db.query.submissions.findMany({ where: (table, { eq }) => eq(table.reference, sent.reference) });
    expect(await requestInformation(referralDepsAt(now), caseworker, { id: row!.id, reason: "insufficient-detail", comments: "More please" })).toEqual({ status: "done" });

    const started = await startAddInfoDraft(referralDepsAt(now), referrer, { submissionId: row!.id, retentionDays: 30 });
    if (started.status !== "started") throw new Error("no draft");
    // Another user's copy request copies nothing.
    const stranger = await aUser("referrer");
    expect(await copySubmissionFilesToDraft({ db, storage, now }, stranger, { submissionId: row!.id, draftId: started.draftId })).toBe(0);
    expect(await copySubmissionFilesToDraft({ db, storage, now }, referrer, { submissionId: row!.id, draftId: started.draftId })).toBe(1);

    const onDraft = await listAttachments(db, { ownerId: referrer.userId, draftId: started.draftId });
    expect(onDraft.map((file) => file.fileName)).toEqual(["chronology.pdf"]);
    // The copy keeps the file's SHA-256 (the same bytes), so the resubmission's document lists it.
    const hashes = await db.query.attachments.findMany({ where: (table, { inArray }) => inArray(table.id, [onDraft[0]!.id, attached.status === "attached" ? attached.attachment.id : ""]) });
    expect(hashes.map((file) => file.sha256)).toEqual([hashes[0]!.sha256, hashes[0]!.sha256]);
    expect(hashes[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await removeAttachment({ db, storage }, referrer, { draftId: started.draftId, attachmentId: onDraft[0]!.id })).toBe(true);
    if (attached.status !== "attached") throw new Error("unreachable");
    const original = await db.query.attachments.findFirst({ where: (table, { eq }) => eq(table.id, attached.attachment.id) });
    expect(original?.submissionId).toBe(row!.id);
    expect(await storage.get(original!.objectKey)).not.toBeNull();
  });

  it("makes the draft and its files as one step: a copy that fails leaves no draft, and pressing Add info again makes it whole", async () => {
    const referrer = await aUser("referrer");
    const caseworker = await aUser("caseworker");
    const draft = await startDraft(db, { ownerId: referrer.userId, form: safeguardingConcern, retentionDays: 30, now, people: [{ id: "p1", forename: "Tia", surname: "Demo" }] });
    for (const fileName of ["first.pdf", "second.pdf"]) {
      const attached = await attachToDraft({ db, storage, now }, referrer, { draftId: draft.id, fileName, stream: Readable.from(pdf()), limits: { maxFileBytes: 10 * 1024 * 1024, maxDraftBytes: 50 * 1024 * 1024 } });
      expect(attached.status).toBe("attached");
    }
    const sent = await submitDraft(submissionDepsAt(now), { userId: referrer.userId }, { draftId: draft.id, definitionFor: () => safeguardingConcern });
    if (sent.status !== "submitted") throw new Error("not sent");
    const [row] = await db.query.submissions.findMany({ where: (table, { eq }) => eq(table.reference, sent.reference) });
    expect(await requestInformation(referralDepsAt(now), caseworker, { id: row!.id, reason: "insufficient-detail", comments: "More please" })).toEqual({ status: "done" });

    // Storage fails on the second copy (an outage mid-way).
    const copiedKeys: string[] = [];
    const failing = {
      copy: async (from: string, to: string) => {
        if (copiedKeys.length === 1) throw Object.assign(new Error("storage went away"), { name: "ServiceUnavailable" });
        await storage.copy(from, to);
        copiedKeys.push(to);
      },
      delete: (key: string) => storage.delete(key),
    };
    const input = { submissionId: row!.id, retentionDays: 30 };
    await expect(startAddInfoDraft(referralDepsAt(now, { storage: failing }), referrer, input)).rejects.toThrow("storage went away");
    // No draft was made, and the one copy that was made is gone again.
    expect(await db.query.drafts.findMany({ where: (table, { eq }) => eq(table.resubmissionOf, row!.id) })).toEqual([]);
    expect(await storage.get(copiedKeys[0]!)).toBeNull();

    // Pressing Add info again, with storage back: the draft opens with both files.
    const started = await startAddInfoDraft(referralDepsAt(now, { storage }), referrer, input);
    expect(started).toMatchObject({ status: "started", isNew: true });
    if (started.status !== "started") throw new Error("no draft");
    const onDraft = await listAttachments(db, { ownerId: referrer.userId, draftId: started.draftId });
    expect(onDraft.map((file) => file.fileName).sort()).toEqual(["first.pdf", "second.pdf"]);
    // A second press finds the same draft and copies nothing more.
    expect(await startAddInfoDraft(referralDepsAt(now, { storage }), referrer, input)).toEqual({ status: "started", draftId: started.draftId, isNew: false });
    expect(await listAttachments(db, { ownerId: referrer.userId, draftId: started.draftId })).toHaveLength(2);
  });
});
