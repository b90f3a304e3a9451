/**
 * Every uploaded file goes through the real clamd before it is attached or published (issue 14,
 * point 7): infected is refused by name with nothing kept and an audit row; a scanner that
 * cannot be reached refuses with "try again later" and keeps nothing; clean is kept as "clean".
 */
import net from "node:net";
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { attachments, auditEvents, councils, sendDocuments, users } from "@/db/schema";
import { attachToDraft, type UploadLimits } from "@/lib/attachments";
import { startDraft } from "@/lib/drafts/drafts";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { scannerFor } from "@/lib/scanning";
import { DOCUMENT_KEY_PREFIX, publishDocument } from "@/lib/send/documents";
import { getStorage } from "@/lib/storage";
import { eicar, pdf, zip } from "@/tests/support/attachment-files";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { aCase, aStaffUser, caseInput, sendDepsAt, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2027-07-01T09:00:00Z");
const limits: UploadLimits = { maxFileBytes: 10 * 1024 * 1024, maxDraftBytes: 50 * 1024 * 1024, maxFiles: 20 };
const storage = getStorage();
const UNAVAILABLE = "The file could not be checked for viruses. Try again later";

async function aDraft(): Promise<{ ownerId: string; draftId: string }> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail("scanned"), role: "referrer", passwordHash: "not-used", forename: "Sam", surname: "Scanned" })
    .returning({ id: users.id });
  const draft = await startDraft(db, { ownerId: user!.id, form: safeguardingConcern, retentionDays: 30, now: t0 });
  return { ownerId: user!.id, draftId: draft.id };
}

const objectKeys = async (prefix: string) => new Set((await storage.list(prefix)).map((o) => o.key));
const rowsOn = (draftId: string) => db.select().from(attachments).where(eq(attachments.draftId, draftId));

/** A port with nothing listening: a scanner that is down. */
async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `tcp://127.0.0.1:${port}`;
}

let caseworker: TestStaff;
beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker", "Vera", "Scan");
});

describe("scanning files on a form", () => {
  it("refuses the EICAR test file (named .txt) as a virus, keeps nothing, and writes an audit row with ids only", async () => {
    const { ownerId, draftId } = await aDraft();
    const before = await objectKeys("attachments/");
    const result = await attachToDraft({ db, storage, now: t0 }, { userId: ownerId }, { draftId, fileName: "notes.txt", stream: Readable.from([eicar()]), limits, ip: "192.0.2.7" });
    expect(result).toEqual({ status: "refused", message: "notes.txt contains a virus" });
    expect(await rowsOn(draftId)).toEqual([]);
    expect(await objectKeys("attachments/")).toEqual(before);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.userId, ownerId), eq(auditEvents.event, "upload-infected")));
    expect(audit).toEqual([expect.objectContaining({ event: "upload-infected", userId: ownerId, subjectId: draftId, ip: "192.0.2.7" })]);
  });

  it("refuses EICAR inside a zip, keeping nothing (the zip is no Word document, and clamd finds the virus in it)", async () => {
    const { ownerId, draftId } = await aDraft();
    const before = await objectKeys("attachments/");
    const result = await attachToDraft({ db, storage, now: t0 }, { userId: ownerId }, { draftId, fileName: "photos.zip", stream: Readable.from([zip([{ name: "x.txt", data: eicar() }])]), limits });
    expect(result).toMatchObject({ status: "refused" });
    expect(await rowsOn(draftId)).toEqual([]);
    expect(await objectKeys("attachments/")).toEqual(before);
  });

  it("keeps a clean PDF, marked clean", async () => {
    const { ownerId, draftId } = await aDraft();
    const result = await attachToDraft({ db, storage, now: t0 }, { userId: ownerId }, { draftId, fileName: "report.pdf", stream: Readable.from([pdf(100_000)]), limits });
    expect(result).toMatchObject({ status: "attached", attachment: { fileName: "report.pdf" } });
    const [row] = await rowsOn(draftId);
    expect(row).toMatchObject({ fileName: "report.pdf", scanStatus: "clean" });
    expect(await objectKeys("attachments/")).toContain(row!.objectKey);
  });

  it("refuses every file with 'try again later' when the scanner cannot be reached, keeping nothing", async () => {
    const { ownerId, draftId } = await aDraft();
    const before = await objectKeys("attachments/");
    const down = scannerFor(await closedPortUrl());
    const small = await attachToDraft({ db, storage, now: t0, scanner: down }, { userId: ownerId }, { draftId, fileName: "report.pdf", stream: Readable.from([pdf()]), limits });
    const large = await attachToDraft({ db, storage, now: t0, scanner: down }, { userId: ownerId }, { draftId, fileName: "scan.pdf", stream: Readable.from([pdf(6 * 1024 * 1024)]), limits });
    expect(small).toEqual({ status: "refused", message: UNAVAILABLE });
    expect(large).toEqual({ status: "refused", message: UNAVAILABLE });
    expect(await rowsOn(draftId)).toEqual([]);
    expect(await objectKeys("attachments/")).toEqual(before);
  });
});

describe("scanning SEND documents", () => {
  it("refuses an infected document with an audit row, publishes a clean one marked clean, and refuses all when the scanner is down", async () => {
    const { caseId } = await aCase(sendDepsAt(t0), caseworker, caseInput(caseworker));
    const deps = { ...sendDepsAt(t0), storage };
    const before = await objectKeys(DOCUMENT_KEY_PREFIX);
    const input = (name: string, body: Buffer) => ({ caseId, documentDate: "2027-06-20", description: "Letter", file: { name, stream: body } });

    expect(await publishDocument(deps, caseworker, input("letter.jpg", eicar()))).toEqual({ status: "invalid", errors: { file: "letter.jpg contains a virus" } });
    expect(await publishDocument({ ...deps, scanner: scannerFor(await closedPortUrl()) }, caseworker, input("letter.pdf", pdf()))).toEqual({ status: "invalid", errors: { file: UNAVAILABLE } });
    expect(await objectKeys(DOCUMENT_KEY_PREFIX)).toEqual(before);
    expect(await db.select().from(sendDocuments).where(eq(sendDocuments.caseId, caseId))).toEqual([]);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.userId, caseworker.userId), eq(auditEvents.event, "upload-infected")));
    expect(audit).toEqual([expect.objectContaining({ subjectId: caseId })]);

    const published = await publishDocument(deps, caseworker, input("letter.pdf", pdf()));
    expect(published).toMatchObject({ status: "done" });
    const [row] = await db.select().from(sendDocuments).where(eq(sendDocuments.caseId, caseId));
    expect(row).toMatchObject({ fileName: "letter.pdf", scanStatus: "clean" });
  });
});
