/**
 * Secure messages (issue 9): a family member with active access writes to the SEND team and
 * reads the team's messages (the team's new messages with no recipient chosen go to everyone
 * with access when there are two); nobody else (another parent, a revoked parent) can see or send
 * anything on the case; staff functions refuse non-staff; unread counts are per reader; the
 * "message waiting" emails never carry the subject or the text; replies stay on their case.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendMessageReads, sendMessages } from "@/db/schema";
import { revokeAccess } from "@/lib/send";
import {
  familyMessageDraft,
  formatDateTime,
  listCaseMessages,
  listCasesWithUnreadFamilyMessages,
  listFamilyInbox,
  listFamilySent,
  MAX_BODY,
  MAX_SUBJECT,
  readFamilyMessage,
  readTeamMessage,
  replySubject,
  sendFamilyMessage,
  sendTeamMessage,
  unreadCountForFamily,
} from "@/lib/send/messages";
import { db, emailsTo, ensureCouncil } from "@/tests/support/auth-fixture";
import { aCase, aFamilyUser, anotherActiveParent, aStaffUser, auditEventsFor, caseInput, giveActiveAccess, sendDepsAt, sent, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2023-01-30T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let caseworker: TestStaff;
let otherCaseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker", "Jerge", "Aster");
  otherCaseworker = await aStaffUser("caseworker", "Nell", "Other");
});

/** A case with one parent (at the requestor's address) whose access is active. */
async function activeCase() {
  const input = caseInput(caseworker, { childForename: "Tess" });
  const { caseId, number } = await aCase(sendDepsAt(t0), caseworker, input);
  const { parent, accessId } = await giveActiveAccess(sendDepsAt(at(1)), caseworker, caseId, input.requestorEmail);
  return { caseId, number, input, parent, accessId, childName: `Tess ${input.childSurname}` };
}

/** A second family member with active access to the same case. */
const secondParent = (caseId: string, minute: number) => anotherActiveParent(caseworker, caseId, at(minute));

const message = (caseId: string, overrides: Partial<{ type: string; subject: string; body: string; replyToId: string | null }> = {}) => ({
  caseId,
  type: "general",
  subject: "School transport",
  body: "Could we talk about\nthe bus to school?",
  ...overrides,
});

describe("family messages", () => {
  it("sends to the SEND team, shows it in Sent Items, and tells the caseworker without the subject or text", async () => {
    const { caseId, number, parent, childName } = await activeCase();
    const messageId = await sent(await sendFamilyMessage(sendDepsAt(at(5)), parent, message(caseId, { type: "assessment", subject: "Private subject line", body: "Private body text\r\nsecond line  " })));

    const [row] = await db.select().from(sendMessages).where(eq(sendMessages.id, messageId));
    expect(row).toMatchObject({ caseId, fromUserId: parent.userId, fromFamily: true, type: "assessment", subject: "Private subject line", body: "Private body text\nsecond line", replyToId: null, sentAt: at(5) });

    const sentItems = await listFamilySent(db, parent, caseId);
    expect(sentItems).toMatchObject({ status: "found", childName, total: 1, page: 1, pageCount: 1 });
    if (sentItems.status !== "found") throw new Error("expected Sent Items");
    expect(sentItems.items).toEqual([
      { id: messageId, sentAt: at(5), type: "assessment", typeLabel: "EHC Needs Assessment (0-20 weeks)", fromName: "Pat Parent", toName: "SEND team", subject: "Private subject line", unread: false },
    ]);
    // Nothing from the team yet.
    expect(await listFamilyInbox(db, parent, caseId)).toMatchObject({ status: "found", items: [], total: 0 });
    expect(await unreadCountForFamily(db, parent, caseId)).toBe(0);

    const [email] = await emailsTo(caseworker.email);
    expect(email).toBeDefined();
    expect(email!.subject).toBe("You have a new secure message");
    expect(email!.text).toContain(number);
    expect(email!.text).toContain(`/staff/send/${caseId}/messages`);
    for (const body of [email!.subject, email!.text, email!.html]) {
      expect(body).not.toContain("Private subject line");
      expect(body).not.toContain("Private body text");
      expect(body).not.toContain("second line");
      expect(body).not.toContain(childName);
    }
    expect((await auditEventsFor(caseId)).filter((event) => event.event === "send-message-sent")).toEqual([{ event: "send-message-sent", userId: parent.userId }]);
  });

  it("says what to fix, and refuses a subject or message over the limit", async () => {
    const { caseId, parent } = await activeCase();
    const deps = sendDepsAt(at(5));
    expect(await sendFamilyMessage(deps, parent, { caseId, type: "", subject: "  ", body: " \n " })).toEqual({
      status: "invalid",
      errors: { type: "Select a message type", subject: "Enter a subject", body: "Enter your message" },
    });
    expect(await sendFamilyMessage(deps, parent, message(caseId, { type: "holiday" }))).toEqual({ status: "invalid", errors: { type: "Select a message type" } });
    expect(await sendFamilyMessage(deps, parent, message(caseId, { subject: "s".repeat(MAX_SUBJECT + 1), body: "b".repeat(MAX_BODY + 1) }))).toEqual({
      status: "invalid",
      errors: { subject: "The subject must be 150 characters or fewer", body: "Your message must be 5,000 characters or fewer" },
    });
    // Exactly at the limits is fine.
    await sent(await sendFamilyMessage(deps, parent, message(caseId, { subject: "s".repeat(MAX_SUBJECT), body: "b".repeat(MAX_BODY) })));
    expect(await db.select({ id: sendMessages.id }).from(sendMessages).where(eq(sendMessages.caseId, caseId))).toHaveLength(1);
  });

  it("pages Inbox and Sent Items newest first", async () => {
    const { caseId, parent } = await activeCase();
    for (let i = 1; i <= 12; i++) await sent(await sendTeamMessage(sendDepsAt(at(10 + i)), caseworker, message(caseId, { subject: `Update ${i}` })));
    const first = await listFamilyInbox(db, parent, caseId, { page: 1, pageSize: 10 });
    const second = await listFamilyInbox(db, parent, caseId, { page: 2, pageSize: 10 });
    if (first.status !== "found" || second.status !== "found") throw new Error("expected the Inbox");
    expect(first).toMatchObject({ total: 12, page: 1, pageCount: 2 });
    expect(first.items.map((item) => item.subject)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((i) => `Update ${i}`));
    expect(second.items.map((item) => item.subject)).toEqual(["Update 2", "Update 1"]);
    expect(first.items[0]).toMatchObject({ fromName: caseworker.name, toName: "You", typeLabel: "General", unread: true });
    // A page past the end is the last page.
    expect(await listFamilyInbox(db, parent, caseId, { page: 99, pageSize: 10 })).toMatchObject({ page: 2 });
  });
});

describe("who can see a case's messages", () => {
  it("answers not found to another parent and to a revoked parent, for every family function", async () => {
    const { caseId, parent, accessId } = await activeCase();
    const other = await activeCase();
    const teamMessageId = await sent(await sendTeamMessage(sendDepsAt(at(5)), caseworker, message(caseId)));
    const familyMessageId = await sent(await sendFamilyMessage(sendDepsAt(at(6)), parent, message(caseId)));
    const stranger = await aFamilyUser();

    expect(await revokeAccess(sendDepsAt(at(7)), caseworker, accessId)).toEqual({ status: "done" });
    const deps = sendDepsAt(at(8));
    for (const outsider of [other.parent, stranger, parent]) {
      expect(await sendFamilyMessage(deps, outsider, message(caseId))).toEqual({ status: "not-found" });
      // Even a message with nothing filled in is "not found", not "invalid".
      expect(await sendFamilyMessage(deps, outsider, { caseId, type: "", subject: "", body: "" })).toEqual({ status: "not-found" });
      expect(await listFamilyInbox(db, outsider, caseId)).toEqual({ status: "not-found" });
      expect(await listFamilySent(db, outsider, caseId)).toEqual({ status: "not-found" });
      expect(await readFamilyMessage(deps, outsider, caseId, teamMessageId)).toEqual({ status: "not-found" });
      expect(await readFamilyMessage(deps, outsider, caseId, familyMessageId)).toEqual({ status: "not-found" });
      // Through their own case's id, another case's message is not found either.
      if (outsider === other.parent) expect(await readFamilyMessage(deps, outsider, other.caseId, teamMessageId)).toEqual({ status: "not-found" });
      expect(await unreadCountForFamily(db, outsider, caseId)).toBe(0);
    }
    // Nothing was stored or marked read for them.
    expect(await db.select().from(sendMessages).where(eq(sendMessages.caseId, caseId))).toHaveLength(2);
    expect(await db.select().from(sendMessageReads).where(eq(sendMessageReads.messageId, teamMessageId))).toEqual([]);
    // Nonsense ids are simply not found.
    expect(await listFamilyInbox(db, other.parent, "not-a-uuid")).toEqual({ status: "not-found" });
    expect(await readFamilyMessage(deps, other.parent, other.caseId, "not-a-uuid")).toEqual({ status: "not-found" });
  });

  it("refuses the staff functions to anyone who is not staff", async () => {
    const { caseId, parent } = await activeCase();
    const familyMessageId = await sent(await sendFamilyMessage(sendDepsAt(at(5)), parent, message(caseId)));
    const deps = sendDepsAt(at(6));
    for (const role of ["parent", "referrer"] as const) {
      const user = { userId: role === "parent" ? parent.userId : (await aStaffUser("referrer")).userId, role };
      expect(await sendTeamMessage(deps, user, message(caseId))).toEqual({ status: "forbidden" });
      expect(await listCaseMessages(deps, user, caseId)).toEqual({ status: "forbidden" });
      expect(await readTeamMessage(deps, user, caseId, familyMessageId)).toEqual({ status: "forbidden" });
      expect(await listCasesWithUnreadFamilyMessages(deps, user)).toEqual({ status: "forbidden" });
    }
    expect(await db.select().from(sendMessageReads).where(eq(sendMessageReads.messageId, familyMessageId))).toEqual([]);
    expect(await db.select().from(sendMessages).where(eq(sendMessages.caseId, caseId))).toHaveLength(1);
  });
});

describe("reading and replying", () => {
  it("counts unread messages per family member, and marks a message read only for the one who opened it", async () => {
    const { caseId, parent } = await activeCase();
    const second = await secondParent(caseId, 2);
    const first = await sent(await sendTeamMessage(sendDepsAt(at(5)), caseworker, message(caseId, { subject: "First update" })));
    await sent(await sendTeamMessage(sendDepsAt(at(6)), caseworker, message(caseId, { subject: "Second update" })));
    expect(await unreadCountForFamily(db, parent, caseId)).toBe(2);
    expect(await unreadCountForFamily(db, second, caseId)).toBe(2);

    const read = await readFamilyMessage(sendDepsAt(at(7)), parent, caseId, first);
    expect(read).toMatchObject({
      status: "found",
      message: { id: first, fromFamily: false, fromName: caseworker.name, toName: "Everyone with access", subject: "First update", body: "Could we talk about\nthe bus to school?", typeLabel: "General" },
    });
    expect(await unreadCountForFamily(db, parent, caseId)).toBe(1);
    expect(await unreadCountForFamily(db, second, caseId)).toBe(2);
    // Opening it again changes nothing (the first read is kept).
    await readFamilyMessage(sendDepsAt(at(9)), parent, caseId, first);
    expect(await unreadCountForFamily(db, parent, caseId)).toBe(1);
    expect(await db.select().from(sendMessageReads).where(and(eq(sendMessageReads.messageId, first), eq(sendMessageReads.userId, parent.userId)))).toEqual([
      { messageId: first, userId: parent.userId, readAt: at(7) },
    ]);

    const inbox = await listFamilyInbox(db, parent, caseId);
    if (inbox.status !== "found") throw new Error("expected the Inbox");
    expect(inbox.items.map((item) => [item.subject, item.unread])).toEqual([
      ["Second update", true],
      ["First update", false],
    ]);
    const secondInbox = await listFamilyInbox(db, second, caseId);
    if (secondInbox.status !== "found") throw new Error("expected the Inbox");
    expect(secondInbox.items.map((item) => item.unread)).toEqual([true, true]);

    // Each family member's Sent Items hold only what they sent (issue 16; messages-per-person.test.ts has the rest).
    await sent(await sendFamilyMessage(sendDepsAt(at(10)), second, message(caseId, { subject: "From the second parent" })));
    expect(await listFamilySent(db, parent, caseId)).toMatchObject({ status: "found", items: [], total: 0 });
    const secondSent = await listFamilySent(db, second, caseId);
    expect(secondSent.status === "found" && secondSent.items.map((item) => [item.subject, item.fromName])).toEqual([["From the second parent", "Sam Second"]]);
    expect((await auditEventsFor(caseId)).filter((event) => event.event === "send-message-read")).toHaveLength(2);
  });

  it("emails every family member with active access when the team writes, without the subject or text", async () => {
    const { caseId, parent, childName } = await activeCase();
    const second = await secondParent(caseId, 2);
    await sent(await sendTeamMessage(sendDepsAt(at(5)), caseworker, message(caseId, { subject: "Team secret subject", body: "Team secret body" })));
    for (const member of [parent, second]) {
      const [email] = await emailsTo(member.email);
      expect(email!.subject).toBe("You have a new secure message");
      expect(email!.text).toContain(`/send/${caseId}/messages`);
      for (const body of [email!.subject, email!.text, email!.html]) {
        expect(body).not.toContain("Team secret");
        expect(body).not.toContain(childName);
      }
    }
  });

  it("shows the team both directions with unread-by-team, until any caseworker opens the message", async () => {
    const { caseId, number, parent, childName } = await activeCase();
    const fromFamily = await sent(await sendFamilyMessage(sendDepsAt(at(5)), parent, message(caseId, { subject: "Question" })));
    await sent(await sendTeamMessage(sendDepsAt(at(6)), caseworker, message(caseId, { subject: "Answer", replyToId: fromFamily })));

    const listed = await listCaseMessages(sendDepsAt(at(7)), otherCaseworker, caseId);
    expect(listed).toMatchObject({ status: "found", case: { id: caseId, number, childName } });
    if (listed.status !== "found") throw new Error("expected the conversation");
    expect(listed.messages.map((item) => [item.subject, item.fromFamily, item.fromName, item.unreadByTeam, item.readByFamily])).toEqual([
      ["Answer", false, caseworker.name, false, false],
      ["Question", true, "Pat Parent", true, false],
    ]);
    const unread = await listCasesWithUnreadFamilyMessages(sendDepsAt(at(7)), caseworker);
    expect(Array.isArray(unread) && unread.filter((item) => item.caseId === caseId)).toEqual([{ caseId, number, childName, unread: 1 }]);

    // Any caseworker opening it counts as the team having read it; a family member opening a team message shows as read by the family.
    expect(await readTeamMessage(sendDepsAt(at(8)), otherCaseworker, caseId, fromFamily)).toMatchObject({ status: "found", message: { id: fromFamily, fromFamily: true, toName: "SEND team", subject: "Question" } });
    const answer = listed.messages[0]!.id;
    await readFamilyMessage(sendDepsAt(at(9)), parent, caseId, answer);
    const after = await listCaseMessages(sendDepsAt(at(10)), caseworker, caseId);
    expect(after.status === "found" && after.messages.map((item) => [item.subject, item.unreadByTeam, item.readByFamily])).toEqual([
      ["Answer", false, true],
      ["Question", false, false],
    ]);
    const unreadAfter = await listCasesWithUnreadFamilyMessages(sendDepsAt(at(10)), caseworker);
    expect(Array.isArray(unreadAfter) && unreadAfter.some((item) => item.caseId === caseId)).toBe(false);
    // A staff read does not count as the family's.
    expect(await unreadCountForFamily(db, parent, caseId)).toBe(0);
    const events = (await auditEventsFor(caseId)).map((event) => event.event);
    expect(events.filter((event) => event === "send-messages-viewed")).toHaveLength(2);

    // A message that is not on the case is not found for the team either.
    const other = await activeCase();
    expect(await readTeamMessage(sendDepsAt(at(11)), caseworker, other.caseId, fromFamily)).toEqual({ status: "not-found" });
    expect(await listCaseMessages(sendDepsAt(at(11)), caseworker, "not-a-uuid")).toEqual({ status: "not-found" });
  });

  it("keeps a reply to a message on the same case, and ignores a replyToId from another case", async () => {
    const { caseId, parent } = await activeCase();
    const other = await activeCase();
    const original = await sent(await sendTeamMessage(sendDepsAt(at(5)), caseworker, message(caseId, { subject: "Meeting" })));
    const elsewhere = await sent(await sendTeamMessage(sendDepsAt(at(5)), caseworker, message(other.caseId, { subject: "Elsewhere" })));

    const reply = await sent(await sendFamilyMessage(sendDepsAt(at(6)), parent, message(caseId, { subject: replySubject("Meeting"), replyToId: original })));
    const forged = await sent(await sendFamilyMessage(sendDepsAt(at(7)), parent, message(caseId, { replyToId: elsewhere })));
    const teamForged = await sent(await sendTeamMessage(sendDepsAt(at(8)), caseworker, message(caseId, { replyToId: elsewhere })));
    const nonsense = await sent(await sendFamilyMessage(sendDepsAt(at(9)), parent, message(caseId, { replyToId: "not-a-uuid" })));
    const rows = await db.select({ id: sendMessages.id, replyToId: sendMessages.replyToId, subject: sendMessages.subject }).from(sendMessages).where(eq(sendMessages.caseId, caseId));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(reply)).toMatchObject({ replyToId: original, subject: "Re: Meeting" });
    expect(byId.get(forged)?.replyToId).toBeNull();
    expect(byId.get(teamForged)?.replyToId).toBeNull();
    expect(byId.get(nonsense)?.replyToId).toBeNull();

    // The New Message page's draft: the message replied to, on this case only, and nothing for anyone else.
    expect(await familyMessageDraft(db, parent, caseId, original)).toMatchObject({ status: "found", replyTo: { id: original, type: "general", subject: "Meeting" } });
    expect(await familyMessageDraft(db, parent, caseId, elsewhere)).toMatchObject({ status: "found", replyTo: null });
    expect(await familyMessageDraft(db, other.parent, caseId, original)).toEqual({ status: "not-found" });
    // Preparing a reply does not mark anything read.
    expect(await unreadCountForFamily(db, parent, caseId)).toBe(2);
  });
});

describe("formatting", () => {
  it("shows times in London and a reply's subject once", () => {
    expect(formatDateTime(new Date("2023-01-30T14:45:00Z"))).toBe("30 Jan 2023 14:45");
    expect(formatDateTime(new Date("2023-07-01T08:05:00Z"))).toBe("1 Jul 2023 09:05");
    expect(formatDateTime(new Date("2023-06-30T23:30:00Z"))).toBe("1 Jul 2023 00:30");
    expect(replySubject("Update")).toBe("Re: Update");
    expect(replySubject("Re: Update")).toBe("Re: Update");
    expect(replySubject("x".repeat(150))).toHaveLength(MAX_SUBJECT);
  });
});
