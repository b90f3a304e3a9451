import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { attachments, councils, drafts, users } from "@/db/schema";
import {
  attachToDraft,
  deleteDraftAttachments,
  findAttachmentForDownload,
  listAttachments,
  removeAttachment,
  type Attachment,
  type UploadLimits,
} from "@/lib/attachments";
import { attachmentDownloadHeaders } from "@/lib/attachments/download";
import { deleteDraft, startDraft } from "@/lib/drafts/drafts";
import { runDraftHousekeeping } from "@/lib/drafts/housekeeping";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { getStorage, Storage } from "@/lib/storage";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { docx, executable, pdf, png, xlsx } from "@/tests/support/attachment-files";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { joinEveryTeam } from "@/tests/support/staff-teams";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const MB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;
// A clock of its own, so the expiry housekeeping run here finds only what this file expects.
const t0 = new Date("2027-06-01T09:00:00Z");
const limits: UploadLimits = { maxFileBytes: 10 * MB, maxDraftBytes: 50 * MB };
const storage = getStorage();
const noReminder = async () => undefined;
const definitionFor = (formId: string) => (formId === safeguardingConcern.id ? safeguardingConcern : undefined);

async function aUser(role: "referrer" | "caseworker" = "referrer"): Promise<string> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail("attacher"), role, passwordHash: "not-used", forename: "Ada", surname: "Tacher" })
    .returning({ id: users.id });
  await joinEveryTeam(user!.id, role);
  return user!.id;
}

const aDraft = async (ownerId: string, now = t0) => (await startDraft(db, { ownerId, form: safeguardingConcern, retentionDays: 30, now })).id;

/** Bytes arriving in 64 KB pieces, as an upload over the network would. */
function trickle(body: Buffer): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= body.length) return void this.push(null);
      this.push(body.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

const attach = (ownerId: string, draftId: string, fileName: string, body: Buffer, options: { limits?: UploadLimits; now?: Date; store?: Storage } = {}) =>
  attachToDraft({ db, storage: options.store ?? storage, now: options.now ?? t0 }, { userId: ownerId }, { draftId, fileName, stream: trickle(body), limits: options.limits ?? limits });

async function attached(ownerId: string, draftId: string, fileName: string, body: Buffer, now = t0): Promise<Attachment> {
  const result = await attach(ownerId, draftId, fileName, body, { now });
  if (result.status !== "attached") throw new Error(`expected ${fileName} attached, got ${JSON.stringify(result)}`);
  return result.attachment;
}

const bucketKeys = async () => new Set((await storage.list("attachments/")).map((o) => o.key));
const keyOf = async (attachmentId: string) => (await db.select({ key: attachments.objectKey }).from(attachments).where(eq(attachments.id, attachmentId)))[0]?.key;
const rowsFor = (draftIds: string[]) => db.select().from(attachments).where(inArray(attachments.draftId, draftIds));

async function readObject(key: string): Promise<Buffer | null> {
  const stream = await storage.get(key);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

beforeAll(ensureCouncil);

describe("attachments", () => {
  it("accepts a Word document and a PDF, stores them under random keys with their SHA-256 and lists them", async () => {
    const owner = await aUser();
    const draftId = await aDraft(owner);
    const word = docx();
    const letter = await attached(owner, draftId, "C:\\fakepath\\Referral letter.docx", word);
    const report = await attached(owner, draftId, "school report.pdf", pdf(), new Date(t0.getTime() + 60_000));

    expect(letter).toMatchObject({ fileName: "Referral letter.docx", kind: "word", sizeBytes: word.length, draftId, submissionId: null });
    expect(letter.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(report).toMatchObject({ fileName: "school report.pdf", kind: "pdf", contentType: "application/pdf" });
    expect((await listAttachments(db, { ownerId: owner, draftId })).map((a) => a.fileName)).toEqual(["Referral letter.docx", "school report.pdf"]);

    const letterKey = (await keyOf(letter.id))!;
    expect(letterKey).toMatch(/^attachments\/[0-9a-f-]{36}$/);
    expect(await bucketKeys()).toContain(letterKey);
    expect((await readObject(letterKey))?.equals(word)).toBe(true);
    const [row] = await db.select({ sha256: attachments.sha256 }).from(attachments).where(eq(attachments.id, letter.id));
    expect(row?.sha256).toBe(createHash("sha256").update(word).digest("hex"));
  });

  it("refuses a spreadsheet named .pdf, a program named .docx, an empty file and a file over the limit, keeping nothing", async () => {
    const owner = await aUser();
    const draftId = await aDraft(owner);
    const before = await bucketKeys();

    expect(await attach(owner, draftId, "report.pdf", xlsx())).toEqual({
      status: "refused",
      message: "report.pdf is a spreadsheet. The selected file must be a PDF, Word document, JPG, PNG or TXT",
    });
    expect(await attach(owner, draftId, "letter.docx", executable())).toEqual({
      status: "refused",
      message: "letter.docx is a program. The selected file must be a PDF, Word document, JPG, PNG or TXT",
    });
    expect(await attach(owner, draftId, "notes.txt", Buffer.alloc(0))).toEqual({ status: "refused", message: "notes.txt is empty" });
    expect(await attach(owner, draftId, "scan.pdf", pdf(3 * MB), { limits: { maxFileBytes: 1 * MB, maxDraftBytes: 50 * MB } })).toEqual({
      status: "refused",
      message: "scan.pdf must be smaller than 1 MB",
    });
    // Past the first 5 MB part: the multipart upload already under way is abandoned too.
    expect(await attach(owner, draftId, "photo.png", Buffer.concat([png(), randomBytes(9 * MB)]), { limits: { maxFileBytes: 7 * MB, maxDraftBytes: 50 * MB } })).toMatchObject({
      status: "refused",
      message: "photo.png must be smaller than 7 MB",
    });

    expect(await listAttachments(db, { ownerId: owner, draftId })).toEqual([]);
    expect(await bucketKeys()).toEqual(before);
  });

  it("keeps the files on one form under the per-form total, even when two arrive at once", async () => {
    const owner = await aUser();
    const draftId = await aDraft(owner);
    const small: UploadLimits = { maxFileBytes: 1 * MB, maxDraftBytes: 1 * MB };
    const file = () => pdf(600 * 1024);

    // Each upload's bytes end only once both have been read through, so both are past the
    // first look at the form's total: only the check made while writing the row can stop one.
    let bothRead!: () => void;
    const gate = new Promise<void>((resolve) => (bothRead = resolve));
    let readThrough = 0;
    const gated = (body: Buffer) => {
      let sent = false;
      return new Readable({
        read() {
          if (!sent) {
            sent = true;
            this.push(body);
            return;
          }
          readThrough += 1;
          if (readThrough === 2) bothRead();
          void gate.then(() => this.push(null));
        },
      });
    };
    const upload = (fileName: string) => attachToDraft({ db, storage, now: t0 }, { userId: owner }, { draftId, fileName, stream: gated(file()), limits: small });
    const [first, second] = await Promise.all([upload("first.pdf"), upload("second.pdf")]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual(["attached", "refused"]);
    const refused = [first, second].find((r) => r.status === "refused");
    expect(refused).toMatchObject({ message: expect.stringMatching(/^(first|second)\.pdf is too big to add\. The files on one form must add up to less than 1 MB, and there is \d+ KB left$/) });

    expect(await attach(owner, draftId, "third.pdf", file(), { limits: small })).toEqual({
      status: "refused",
      message: expect.stringMatching(/^third\.pdf is too big to add\. The files on one form must add up to less than 1 MB, and there is 4\d\d KB left$/),
    });
    expect(await listAttachments(db, { ownerId: owner, draftId })).toHaveLength(1);
    expect((await rowsFor([draftId])).reduce((sum, row) => sum + row.sizeBytes, 0)).toBeLessThanOrEqual(1 * MB);
  });

  it("finds no draft of someone else's, nor an expired one", async () => {
    const owner = await aUser();
    const other = await aUser();
    const draftId = await aDraft(owner);
    expect(await attach(other, draftId, "report.pdf", pdf())).toEqual({ status: "not-found" });
    expect(await attach(owner, draftId, "report.pdf", pdf(), { now: new Date(t0.getTime() + 31 * DAY_MS) })).toEqual({ status: "not-found" });
    expect(await attach(owner, "not-a-uuid", "report.pdf", pdf())).toEqual({ status: "not-found" });
    expect(await listAttachments(db, { ownerId: other, draftId })).toEqual([]);
  });

  it("says storage is down, clearly, and leaves the draft as it was", async () => {
    const owner = await aUser();
    const draftId = await aDraft(owner);
    const [before] = await db.select().from(drafts).where(eq(drafts.id, draftId));
    const unreachable = new Storage({ endpoint: "http://127.0.0.1:9", region: "eu-west-2", bucket: "childrens-portal", accessKeyId: "x", secretAccessKey: "y", forcePathStyle: true, isEmbedded: false });

    expect(await attach(owner, draftId, "report.pdf", pdf(), { store: unreachable })).toEqual({
      status: "storage-down",
      message: "Your file could not be uploaded. Try again later. Your answers have been saved.",
    });
    expect(await rowsFor([draftId])).toEqual([]);
    const [after] = await db.select().from(drafts).where(eq(drafts.id, draftId));
    expect(after).toEqual(before);
  });

  it("removes a file for its owner only, object and row", async () => {
    const owner = await aUser();
    const other = await aUser();
    const draftId = await aDraft(owner);
    const file = await attached(owner, draftId, "report.pdf", pdf());
    const key = (await keyOf(file.id))!;

    expect(await removeAttachment({ db, storage }, { userId: other }, { draftId, attachmentId: file.id })).toBe(false);
    expect(await bucketKeys()).toContain(key);
    expect(await removeAttachment({ db, storage }, { userId: owner }, { draftId, attachmentId: file.id })).toBe(true);
    expect(await bucketKeys()).not.toContain(key);
    expect(await listAttachments(db, { ownerId: owner, draftId })).toEqual([]);
    expect(await removeAttachment({ db, storage }, { userId: owner }, { draftId, attachmentId: file.id })).toBe(false);
  });

  it("lets the owner download, not another user, and council staff only once the form is sent", async () => {
    const owner = await aUser();
    const other = await aUser();
    const caseworker = await aUser("caseworker");
    const draftId = await aDraft(owner);
    const file = await attached(owner, draftId, "report.pdf", pdf());

    expect(await findAttachmentForDownload(db, { userId: owner, role: "referrer", attachmentId: file.id })).toMatchObject({ id: file.id, objectKey: await keyOf(file.id) });
    expect(await findAttachmentForDownload(db, { userId: other, role: "referrer", attachmentId: file.id })).toBeNull();
    expect(await findAttachmentForDownload(db, { userId: caseworker, role: "caseworker", attachmentId: file.id })).toBeNull();

    const sent = await submitDraft(submissionDepsAt(t0), { userId: owner }, { draftId, definitionFor });
    expect(sent.status).toBe("submitted");
    const frozen = await findAttachmentForDownload(db, { userId: caseworker, role: "caseworker", attachmentId: file.id });
    expect(frozen).toMatchObject({ id: file.id, draftId: null, submissionId: expect.any(String) });
    expect(await findAttachmentForDownload(db, { userId: other, role: "referrer", attachmentId: file.id })).toBeNull();
    expect(await findAttachmentForDownload(db, { userId: owner, role: "referrer", attachmentId: file.id })).not.toBeNull();
    // A sent file is no longer the draft's to remove.
    expect(await removeAttachment({ db, storage }, { userId: owner }, { draftId, attachmentId: file.id })).toBe(false);
    expect(await bucketKeys()).toContain(frozen!.objectKey);

    expect(attachmentDownloadHeaders(frozen!)).toMatchObject({
      "Content-Type": "application/pdf",
      "Content-Disposition": "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf",
      "X-Content-Type-Options": "nosniff",
    });
  });

  it("deletes a cancelled draft's files (only the owner's), objects and rows", async () => {
    const owner = await aUser();
    const other = await aUser();
    const draftId = await aDraft(owner);
    const a = await attached(owner, draftId, "a.pdf", pdf());
    const b = await attached(owner, draftId, "b.docx", docx());
    const keys = [(await keyOf(a.id))!, (await keyOf(b.id))!];

    expect(await deleteDraftAttachments({ db, storage }, [draftId], { ownerId: other })).toEqual({ deleted: 0, failed: 0 });
    expect(await deleteDraftAttachments({ db, storage }, [draftId], { ownerId: owner })).toEqual({ deleted: 2, failed: 0 });
    expect(await deleteDraft(db, owner, draftId)).toBe(true);

    const inBucket = await bucketKeys();
    expect(keys.filter((key) => inBucket.has(key))).toEqual([]);
    expect(await db.select().from(attachments).where(inArray(attachments.id, [a.id, b.id]))).toEqual([]);
  });

  it("deletes expired drafts' files in the housekeeping, and files left by a cancel that did not clean up", async () => {
    const owner = await aUser();
    const expiring = await aDraft(owner);
    const cancelled = await aDraft(owner);
    const live = await aDraft(owner, new Date(t0.getTime() + 20 * DAY_MS));
    const onExpiring = await attached(owner, expiring, "old.pdf", pdf());
    const onCancelled = await attached(owner, cancelled, "gone.pdf", pdf());
    const onLive = await attached(owner, live, "kept.pdf", pdf());
    const [expiringKey, cancelledKey, liveKey] = [await keyOf(onExpiring.id), await keyOf(onCancelled.id), await keyOf(onLive.id)];
    // Cancelled without deleteDraftAttachments: the row loses its draft and waits for the housekeeping.
    expect(await deleteDraft(db, owner, cancelled)).toBe(true);

    const result = await runDraftHousekeeping({ db, now: new Date(t0.getTime() + 31 * DAY_MS), mail: noReminder, storage });

    expect(result.filesDeleted).toBeGreaterThanOrEqual(2);
    const inBucket = await bucketKeys();
    expect(inBucket.has(expiringKey!)).toBe(false);
    expect(inBucket.has(cancelledKey!)).toBe(false);
    expect(inBucket.has(liveKey!)).toBe(true);
    expect((await db.select({ id: attachments.id }).from(attachments).where(inArray(attachments.id, [onExpiring.id, onCancelled.id, onLive.id]))).map((r) => r.id)).toEqual([onLive.id]);
  });

  it("ends with no object without a row and no row without an object", async () => {
    // Other test files run beside this one: an upload of theirs may be between its object and
    // its row for a moment, so the two lists are compared until they settle.
    await expect
      .poll(
        async () => {
          const rows = await db.select({ key: attachments.objectKey }).from(attachments);
          return rows.length > 0 && JSON.stringify([...(await bucketKeys())].sort()) === JSON.stringify(rows.map((row) => row.key).sort());
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  });
});
