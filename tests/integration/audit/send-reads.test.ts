/**
 * Issue 16, point 4, for SEND: every staff read of a case writes an audit row with the staff
 * member, the case, the time and the client address, and says what was read (the documents or
 * actions page, the message, the document) or searched. "Who has viewed this" on the case lists
 * staff reads only (not the family's), to staff of the case's team only.
 */
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { listRecordViews } from "@/lib/audit/record-views";
import { listCases, viewCase } from "@/lib/send";
import { listAssignedFormsForStaff } from "@/lib/send/assigned-forms";
import { listDocumentsForStaff, openDocumentForFamily, openDocumentForStaff, publishDocument } from "@/lib/send/documents";
import { listCaseMessages, readTeamMessage, sendFamilyMessage } from "@/lib/send/messages";
import { getStorage } from "@/lib/storage";
import { db, ensureCouncil } from "@/tests/support/auth-fixture";
import { aCase, aStaffUser, caseInput, giveActiveAccess, sendDepsAt, uniqueSurname, type TestStaff } from "@/tests/support/send-fixture";
import { joinTeams } from "@/tests/support/staff-teams";

const t0 = new Date("2023-05-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

let caseworker: TestStaff;
let reader: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker", "Casey", uniqueSurname("Owner"));
  reader = { ...(await aStaffUser("caseworker", "Robin", uniqueSurname("Reader"))), ip: "192.0.2.44" };
});

const readsBy = (userId: string, caseId: string) =>
  db
    .select({ event: auditEvents.event, ip: auditEvents.ip, at: auditEvents.at, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.userId, userId), eq(auditEvents.subjectId, caseId)))
    .orderBy(asc(auditEvents.at));

describe("staff reads of a SEND case", () => {
  it("the case, its documents, a document, its messages, a message and its actions each write a row with the address", async () => {
    const input = caseInput(caseworker);
    const { caseId } = await aCase(sendDepsAt(t0), caseworker, input);
    const { parent } = await giveActiveAccess(sendDepsAt(at(1)), caseworker, caseId, input.requestorEmail);
    const published = await publishDocument({ ...sendDepsAt(at(2)), storage: getStorage() }, caseworker, { caseId, documentDate: "2023-04-20", description: "EHC Plan", file: { name: "plan.pdf", stream: pdf } });
    if (published.status !== "done") throw new Error(`expected a document, got ${JSON.stringify(published)}`);
    const sent = await sendFamilyMessage(sendDepsAt(at(3)), parent, { caseId, type: "general", subject: "Transport", body: "The bus" });
    if (sent.status !== "done") throw new Error("expected a message");

    expect((await viewCase(sendDepsAt(at(10)), reader, caseId)).status).toBe("found");
    expect((await listDocumentsForStaff(sendDepsAt(at(11)), reader, caseId)).status).toBe("found");
    expect((await openDocumentForStaff(sendDepsAt(at(12)), reader, caseId, published.documentId)).status).toBe("found");
    expect((await listCaseMessages(sendDepsAt(at(13)), reader, caseId)).status).toBe("found");
    expect((await readTeamMessage(sendDepsAt(at(14)), reader, caseId, sent.messageId)).status).toBe("found");
    expect((await listAssignedFormsForStaff(sendDepsAt(at(15)), reader, caseId)).status).toBe("found");

    const ip = "192.0.2.44";
    expect(await readsBy(reader.userId, caseId)).toEqual([
      { event: "send-case-viewed", ip, at: at(10), detail: null },
      { event: "send-case-viewed", ip, at: at(11), detail: { view: "documents" } },
      { event: "send-document-downloaded", ip, at: at(12), detail: { documentId: published.documentId } },
      { event: "send-messages-viewed", ip, at: at(13), detail: null },
      { event: "send-message-read", ip, at: at(14), detail: { messageId: sent.messageId } },
      { event: "send-case-viewed", ip, at: at(15), detail: { view: "actions" } },
    ]);

    // The family's download is theirs, not a staff read: "who has viewed this" leaves it out.
    expect(await openDocumentForFamily(sendDepsAt(at(16)), parent, caseId, published.documentId)).not.toBeNull();
    const seen = await listRecordViews(db, caseworker, caseId);
    expect(seen.views.every((view) => view.email !== parent.email)).toBe(true);
    expect(seen.views.slice(0, 6).map((view) => [view.event, view.at])).toEqual([
      ["send-case-viewed", at(15)],
      ["send-message-read", at(14)],
      ["send-messages-viewed", at(13)],
      ["send-document-downloaded", at(12)],
      ["send-case-viewed", at(11)],
      ["send-case-viewed", at(10)],
    ]);

    const elsewhere = await aStaffUser("caseworker", "Lee", uniqueSurname("Elsewhere"));
    await joinTeams(elsewhere.userId, ["lado"]);
    expect(await listRecordViews(db, elsewhere, caseId)).toEqual({ total: 0, views: [] });
  });

  it("a caseload search writes its terms and stage filter", async () => {
    const searcher = { ...(await aStaffUser("caseworker", "Sam", uniqueSurname("Searcher"))), ip: "192.0.2.45" };
    await listCases(sendDepsAt(at(20)), searcher, { stage: "assessment", search: "  Quill " });
    const rows = await db.select({ event: auditEvents.event, ip: auditEvents.ip, subjectId: auditEvents.subjectId, detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.userId, searcher.userId));
    expect(rows).toEqual([{ event: "send-cases-listed", ip: "192.0.2.45", subjectId: null, detail: { stage: "assessment", search: "Quill" } }]);
  });
});
