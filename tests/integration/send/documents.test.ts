/**
 * Documents to View (issue 9): a caseworker publishes a file, checked by its content, to the
 * family's list; the family downloads it byte for byte through their active access only; a
 * withdrawn document disappears for them; the email says only that something is waiting; the
 * caseworker sees who downloaded what and when.
 */
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendAccess, sendCaseEvents, sendDocumentDownloads, sendDocuments } from "@/db/schema";
import { SEND_SUBJECTS } from "@/emails/send-mailer";
import { activateAccess, revokeAccess, type SendMailer } from "@/lib/send";
import {
  DOCUMENT_KEY_PREFIX,
  latestDocumentsForFamily,
  listDocumentsForFamily,
  listDocumentsForStaff,
  openDocumentForFamily,
  openDocumentForStaff,
  publishDocument,
  withdrawDocument,
  type DocumentDeps,
  type PublishInput,
} from "@/lib/send/documents";
import { getStorage } from "@/lib/storage";
import { docx, executable, jpeg, pdf, png, wordDoc, xlsx, zip } from "@/tests/support/attachment-files";
import { db, emailsTo, ensureCouncil } from "@/tests/support/auth-fixture";
import { aCase, aFamilyUser, accessRows, aStaffUser, auditEventsFor, caseInput, giveActiveAccess, sendDepsAt, type TestFamily, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const storage = getStorage();
const depsAt = (now: Date): DocumentDeps => ({ ...sendDepsAt(now), storage });

let caseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker", "Casey", "Worker");
});

/** A case with one parent (at the requestor's address) whose access is active. */
async function activeCase() {
  const input = caseInput(caseworker);
  const { caseId, number } = await aCase(sendDepsAt(t0), caseworker, input);
  const { parent, accessId } = await giveActiveAccess(sendDepsAt(at(1)), caseworker, caseId, input.requestorEmail);
  return { caseId, number, input, parent, accessId };
}

async function addParent(caseId: string): Promise<{ parent: TestFamily; accessId: string }> {
  const parent = await aFamilyUser();
  const [row] = await db.insert(sendAccess).values({ caseId, userId: parent.userId, status: "pending", acceptedAt: at(2) }).returning({ id: sendAccess.id });
  expect(await activateAccess(sendDepsAt(at(2)), caseworker, row!.id)).toEqual({ status: "done" });
  return { parent, accessId: row!.id };
}

const publishInput = (caseId: string, body: Buffer, overrides: Partial<PublishInput> & { name?: string } = {}): PublishInput => ({
  caseId,
  documentDate: "2023-02-20",
  description: "EHC Plan",
  file: { name: overrides.name ?? "ehc-plan.pdf", stream: body },
  ...overrides,
});

async function published(caseId: string, body: Buffer, overrides: Partial<PublishInput> & { name?: string } = {}, now = at(10)): Promise<string> {
  const result = await publishDocument(depsAt(now), caseworker, publishInput(caseId, body, overrides));
  if (result.status !== "done") throw new Error(`expected a document, got ${JSON.stringify(result)}`);
  return result.documentId;
}

async function readAll(stream: Readable | null): Promise<Buffer> {
  if (!stream) throw new Error("no object in storage");
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

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

const storedCount = async () => (await storage.list(DOCUMENT_KEY_PREFIX)).length;

describe("publishing a document", () => {
  it("stores a PDF under send-documents/, lists it for the family and reads it back byte for byte", async () => {
    const { caseId, parent } = await activeCase();
    const body = pdf(300_000);
    const documentId = await published(caseId, body, { description: "  EHC Plan  ", file: { name: "Ella's plan.pdf", stream: trickle(body) } });

    const [row] = await db.select().from(sendDocuments).where(eq(sendDocuments.id, documentId));
    expect(row).toMatchObject({ caseId, description: "EHC Plan", documentDate: "2023-02-20", fileName: "Ella's plan.pdf", contentType: "application/pdf", sizeBytes: body.length, publishedBy: caseworker.userId, withdrawnAt: null });
    expect(row!.objectKey).toMatch(/^send-documents\/[0-9a-f-]{36}$/);

    const list = await listDocumentsForFamily(db, parent, caseId);
    expect(list?.items.map((item) => [item.id, item.description, item.documentDate])).toEqual([[documentId, "EHC Plan", "2023-02-20"]]);

    const opened = await openDocumentForFamily(sendDepsAt(at(20)), parent, caseId, documentId);
    expect(opened?.id).toBe(documentId);
    expect((await readAll(await storage.get(opened!.objectKey))).equals(body)).toBe(true);

    const events = await db.select().from(sendCaseEvents).where(and(eq(sendCaseEvents.caseId, caseId), eq(sendCaseEvents.kind, "document-published")));
    expect(events.map((event) => event.detail)).toEqual([{ documentId }]);
    const audits = (await auditEventsFor(caseId)).map((audit) => audit.event);
    expect(audits).toContain("send-document-published");
    expect(audits).toContain("send-document-downloaded");
  });

  it("accepts Word documents (.docx and .doc) and JPG and PNG images", async () => {
    const { caseId, parent } = await activeCase();
    await published(caseId, docx(), { name: "letter.docx", description: "AR1 letter" });
    await published(caseId, wordDoc(), { name: "old-letter.doc", description: "Old letter" });
    await published(caseId, jpeg(), { name: "scan.jpg", description: "Scan" });
    await published(caseId, png(), { name: "scan.png", description: "Picture" });
    const list = await listDocumentsForFamily(db, parent, caseId);
    expect(list?.items.map((item) => [item.fileName, item.contentType]).sort()).toEqual(
      [
        ["letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        ["old-letter.doc", "application/msword"],
        ["scan.jpg", "image/jpeg"],
        ["scan.png", "image/png"],
      ].sort(),
    );
  });

  it("refuses a spreadsheet, a zip, a program and plain text, and keeps nothing of them", async () => {
    const { caseId } = await activeCase();
    const before = await storedCount();
    const refusals: [string, Buffer, RegExp][] = [
      ["budget.xlsx", xlsx(), /^budget\.xlsx is a spreadsheet\. The selected file must be a PDF, Word document, JPG or PNG$/],
      ["bundle.zip", zip([{ name: "a.txt", data: "hello" }]), /^bundle\.zip is a compressed \(zip\) file\. The selected file must be a PDF, Word document, JPG or PNG$/],
      ["setup.exe", executable(), /^setup\.exe is a program\. The selected file must be a PDF, Word document, JPG or PNG$/],
      ["notes.txt", Buffer.from("Some notes about the plan\n"), /^notes\.txt must be a PDF, Word document, JPG or PNG$/],
      ["empty.pdf", Buffer.alloc(0), /^empty\.pdf is empty$/],
    ];
    for (const [name, body, message] of refusals) {
      const result = await publishDocument(depsAt(at(10)), caseworker, publishInput(caseId, body, { name }));
      expect(result.status, name).toBe("invalid");
      if (result.status === "invalid") expect(result.errors.file, name).toMatch(message);
    }
    const tooBig = await publishDocument(depsAt(at(10)), caseworker, { ...publishInput(caseId, pdf(5000)), maxBytes: 2048 });
    expect(tooBig).toEqual({ status: "invalid", errors: { file: "ehc-plan.pdf must be smaller than 2 KB" } });
    expect(await db.select().from(sendDocuments).where(eq(sendDocuments.caseId, caseId))).toEqual([]);
    expect(await storedCount()).toBe(before);
  });

  it("wants a description of up to 200 characters, a real document date not in the future, and a file", async () => {
    const { caseId } = await activeCase();
    const deps = depsAt(at(10));
    const check = async (overrides: Partial<PublishInput>) => {
      const result = await publishDocument(deps, caseworker, { ...publishInput(caseId, pdf()), ...overrides });
      return result.status === "invalid" ? result.errors : result;
    };
    expect(await check({ description: "   " })).toEqual({ description: "Enter a description of the document" });
    expect(await check({ description: "x".repeat(201) })).toEqual({ description: "The description must be 200 characters or fewer" });
    expect(await check({ documentDate: "" })).toEqual({ documentDate: "Enter the document date" });
    expect(await check({ documentDate: "2023-02-30" })).toEqual({ documentDate: "The document date must be a real date, like 23 1 2023" });
    expect(await check({ documentDate: "not-a-date" })).toEqual({ documentDate: "The document date must be a real date, like 23 1 2023" });
    // 1 March 2023 is today (10:10 in London); the 2nd is tomorrow.
    expect(await check({ documentDate: "2023-03-02" })).toEqual({ documentDate: "The document date must be today or in the past" });
    expect(await check({ file: null })).toEqual({ file: "Select the document to publish" });
    expect(await check({ description: "", documentDate: "", file: null })).toEqual({
      description: "Enter a description of the document",
      documentDate: "Enter the document date",
      file: "Select the document to publish",
    });
    expect((await publishDocument(deps, caseworker, publishInput(caseId, pdf(), { documentDate: "2023-03-01", description: "x".repeat(200) }))).status).toBe("done");
    // An unknown case is not found (nothing is stored for it).
    expect(await publishDocument(deps, caseworker, publishInput("00000000-0000-4000-8000-000000000000", pdf()))).toEqual({ status: "not-found" });
    expect(await publishDocument(deps, caseworker, publishInput("nonsense", pdf()))).toEqual({ status: "not-found" });
  });

  it("deletes the stored file when the transaction fails", async () => {
    const { caseId } = await activeCase();
    const before = await storedCount();
    const failingMail: SendMailer = async () => {
      throw new Error("outbox down");
    };
    await expect(publishDocument({ ...depsAt(at(10)), mail: failingMail }, caseworker, publishInput(caseId, pdf()))).rejects.toThrow("outbox down");
    expect(await db.select().from(sendDocuments).where(eq(sendDocuments.caseId, caseId))).toEqual([]);
    expect(await storedCount()).toBe(before);
  });

  it("emails every parent with active access a link to Documents to View, without the description or the file name", async () => {
    const { caseId, parent: first, accessId } = await activeCase();
    const { parent: second } = await addParent(caseId);
    const { parent: revoked, accessId: revokedAccess } = await addParent(caseId);
    expect(await revokeAccess(sendDepsAt(at(3)), caseworker, revokedAccess)).toEqual({ status: "done" });
    expect(accessId).toBeTruthy();

    await published(caseId, pdf(), { description: "Confidential EHC Plan Zanzibar", name: "secret-plan-quokka.pdf" });
    for (const parent of [first, second]) {
      const [email] = await emailsTo(parent.email);
      expect(email?.subject).toBe(SEND_SUBJECTS["document-published"]);
      expect(email?.subject).toBe("A new document is ready to view");
      expect(email!.text).toContain(`/send/${caseId}/documents`);
      for (const part of [email!.text, email!.html, email!.subject]) {
        expect(part).not.toContain("Zanzibar");
        expect(part).not.toContain("quokka");
      }
    }
    expect((await emailsTo(revoked.email)).some((email) => email.subject === SEND_SUBJECTS["document-published"])).toBe(false);
  });

  it("refuses everyone but staff", async () => {
    const { caseId, parent } = await activeCase();
    const documentId = await published(caseId, pdf());
    for (const role of ["parent", "referrer"] as const) {
      const notStaff = await aStaffUser(role);
      expect(await publishDocument(depsAt(at(11)), notStaff, publishInput(caseId, pdf()))).toEqual({ status: "forbidden" });
      expect(await withdrawDocument(sendDepsAt(at(11)), notStaff, documentId)).toEqual({ status: "forbidden" });
      expect(await listDocumentsForStaff(sendDepsAt(at(11)), notStaff, caseId)).toEqual({ status: "forbidden" });
      expect(await openDocumentForStaff(sendDepsAt(at(11)), notStaff, caseId, documentId)).toEqual({ status: "forbidden" });
    }
    // The parent with access is no staff member either.
    expect(await withdrawDocument(sendDepsAt(at(11)), { userId: parent.userId, role: "parent" }, documentId)).toEqual({ status: "forbidden" });
    expect((await listDocumentsForFamily(db, parent, caseId))?.items).toHaveLength(1);
  });
});

describe("the family's documents", () => {
  it("lists the newest published first, and the dashboard's latest three with the total", async () => {
    const { caseId, parent } = await activeCase();
    const ids: string[] = [];
    for (let i = 1; i <= 4; i += 1) ids.push(await published(caseId, pdf(), { description: `Letter ${i}`, documentDate: `2023-02-0${i}` }, at(10 + i)));
    const list = await listDocumentsForFamily(db, parent, caseId);
    expect(list?.items.map((item) => item.description)).toEqual(["Letter 4", "Letter 3", "Letter 2", "Letter 1"]);
    expect(list?.childName).toMatch(/^Zephyrine Quillfeather/);
    const latest = await latestDocumentsForFamily(db, parent, caseId);
    expect(latest?.total).toBe(4);
    expect(latest?.items.map((item) => item.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect((await latestDocumentsForFamily(db, parent, caseId, 1))?.items.map((item) => item.id)).toEqual([ids[3]]);

    const empty = await activeCase();
    expect(await latestDocumentsForFamily(db, empty.parent, empty.caseId)).toEqual({ items: [], total: 0 });
    expect((await listDocumentsForFamily(db, empty.parent, empty.caseId))?.items).toEqual([]);
  });

  it("no longer lists nor opens a withdrawn document; staff still see and download it", async () => {
    const { caseId, parent } = await activeCase();
    const kept = await published(caseId, pdf(), { description: "Kept" }, at(10));
    const gone = await published(caseId, pdf(), { description: "Withdrawn one" }, at(11));
    expect(await withdrawDocument(sendDepsAt(at(12)), caseworker, gone)).toEqual({ status: "done", caseId });
    expect((await withdrawDocument(sendDepsAt(at(13)), caseworker, gone)).status).toBe("invalid");
    expect(await withdrawDocument(sendDepsAt(at(13)), caseworker, "00000000-0000-4000-8000-000000000000")).toEqual({ status: "not-found" });

    expect((await listDocumentsForFamily(db, parent, caseId))?.items.map((item) => item.id)).toEqual([kept]);
    expect(await latestDocumentsForFamily(db, parent, caseId)).toMatchObject({ total: 1 });
    expect(await openDocumentForFamily(sendDepsAt(at(14)), parent, caseId, gone)).toBeNull();
    expect(await db.select().from(sendDocumentDownloads).where(eq(sendDocumentDownloads.documentId, gone))).toEqual([]);

    const staffView = await listDocumentsForStaff(sendDepsAt(at(14)), caseworker, caseId);
    if (staffView.status !== "found") throw new Error("expected the staff view");
    const withdrawn = staffView.documents.find((document) => document.id === gone);
    expect(withdrawn?.withdrawnAt?.toISOString()).toBe(at(12).toISOString());
    expect(withdrawn?.withdrawnBy).toBe("Casey Worker");
    expect((await openDocumentForStaff(sendDepsAt(at(14)), caseworker, caseId, gone)).status).toBe("found");
    const events = await db.select().from(sendCaseEvents).where(and(eq(sendCaseEvents.caseId, caseId), eq(sendCaseEvents.kind, "document-withdrawn")));
    expect(events.map((event) => event.detail)).toEqual([{ documentId: gone }]);
    expect((await auditEventsFor(caseId)).map((audit) => audit.event)).toContain("send-document-withdrawn");
  });

  it("gives another parent, a revoked parent and a parent on the wrong case nothing", async () => {
    const a = await activeCase();
    const b = await activeCase();
    const documentId = await published(a.caseId, pdf());
    const otherDocument = await published(b.caseId, pdf());
    const deps = sendDepsAt(at(20));

    // B's parent, asking for A's case, or for A's document under their own case.
    expect(await listDocumentsForFamily(db, b.parent, a.caseId)).toBeNull();
    expect(await latestDocumentsForFamily(db, b.parent, a.caseId)).toBeNull();
    expect(await openDocumentForFamily(deps, b.parent, a.caseId, documentId)).toBeNull();
    expect(await openDocumentForFamily(deps, b.parent, b.caseId, documentId)).toBeNull();
    // A's parent cannot reach B's document through A's case either.
    expect(await openDocumentForFamily(deps, a.parent, a.caseId, otherDocument)).toBeNull();
    // Nonsense ids are simply not found.
    expect(await openDocumentForFamily(deps, a.parent, a.caseId, "not-a-uuid")).toBeNull();
    expect(await listDocumentsForFamily(db, a.parent, "not-a-uuid")).toBeNull();

    // Once revoked, A's parent gets nothing at the very next read.
    expect(await revokeAccess(sendDepsAt(at(21)), caseworker, a.accessId)).toEqual({ status: "done" });
    expect(await listDocumentsForFamily(db, a.parent, a.caseId)).toBeNull();
    expect(await latestDocumentsForFamily(db, a.parent, a.caseId)).toBeNull();
    expect(await openDocumentForFamily(sendDepsAt(at(22)), a.parent, a.caseId, documentId)).toBeNull();
    expect(await db.select().from(sendDocumentDownloads).where(eq(sendDocumentDownloads.documentId, documentId))).toEqual([]);
    expect(await accessRows(a.caseId, a.parent.userId)).toMatchObject([{ status: "revoked" }]);
  });

  it("records each download, and shows the caseworker the first and the last and by whom", async () => {
    const { caseId, number, input, parent } = await activeCase();
    const { parent: second } = await addParent(caseId);
    const documentId = await published(caseId, pdf(), { description: "EHC Plan" }, at(10));
    const untouched = await published(caseId, pdf(), { description: "Not opened" }, at(11));

    const before = await listDocumentsForStaff(sendDepsAt(at(12)), caseworker, caseId);
    if (before.status !== "found") throw new Error("expected the staff view");
    expect(before).toMatchObject({ caseId, caseNumber: number, childName: `${input.childForename} ${input.childSurname}` });
    expect(before.documents.map((document) => [document.description, document.downloads.count, document.downloads.first])).toEqual([
      ["Not opened", 0, null],
      ["EHC Plan", 0, null],
    ]);

    expect(await openDocumentForFamily(sendDepsAt(new Date("2023-03-01T10:04:00Z")), parent, caseId, documentId)).not.toBeNull();
    expect(await openDocumentForFamily(sendDepsAt(new Date("2023-03-02T09:30:00Z")), second, caseId, documentId)).not.toBeNull();
    const downloads = await db.select().from(sendDocumentDownloads).where(eq(sendDocumentDownloads.documentId, documentId));
    expect(downloads.map((row) => row.userId).sort()).toEqual([parent.userId, second.userId].sort());

    const after = await listDocumentsForStaff(sendDepsAt(at(2000)), caseworker, caseId);
    if (after.status !== "found") throw new Error("expected the staff view");
    const plan = after.documents.find((document) => document.id === documentId)!;
    expect(plan.downloads).toEqual({
      count: 2,
      first: { at: new Date("2023-03-01T10:04:00Z"), by: "Pat Parent" },
      last: { at: new Date("2023-03-02T09:30:00Z"), by: "Pat Parent" },
    });
    expect(after.documents.find((document) => document.id === untouched)!.downloads.count).toBe(0);
    // A caseworker's own download is audited but is not a family download.
    expect((await openDocumentForStaff(sendDepsAt(at(2001)), caseworker, caseId, documentId)).status).toBe("found");
    expect(await db.select().from(sendDocumentDownloads).where(eq(sendDocumentDownloads.documentId, documentId))).toHaveLength(2);
    expect((await openDocumentForStaff(sendDepsAt(at(2001)), caseworker, "00000000-0000-4000-8000-000000000000", documentId)).status).toBe("not-found");
    const audits = await auditEventsFor(caseId);
    expect(audits.filter((audit) => audit.event === "send-document-downloaded").map((audit) => audit.userId).sort()).toEqual([parent.userId, second.userId, caseworker.userId].sort());
  });
});
