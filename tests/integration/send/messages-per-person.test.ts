/**
 * Each family member's messages are their own (issue 16, point 5): on a case with two parents
 * with active access, a parent's Sent Items and the team's messages to them are seen by that
 * parent and the team only, never by the other parent (lists, unread counts, the dashboard's
 * count, one message, a reply to it), unless the caseworker sends to everyone with access. The
 * "message waiting" email goes only to the people who can see the message; a recipient without
 * active access is refused beside the field.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendMessages } from "@/db/schema";
import { getDashboard, revokeAccess } from "@/lib/send";
import {
  familyMessageDraft,
  listCaseMessages,
  listFamilyInbox,
  listFamilySent,
  readFamilyMessage,
  readTeamMessage,
  sendFamilyMessage,
  sendTeamMessage,
  TO_EVERYONE,
  unreadCountForFamily,
} from "@/lib/send/messages";
import { db, emailsTo, ensureCouncil } from "@/tests/support/auth-fixture";
import { aFamilyUser, anActiveCase, anotherActiveParent, aStaffUser, sendDepsAt, sent, type TestFamily, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2023-01-30T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const WAITING = "You have a new secure message";

let caseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker", "Jerge", "Aster");
});

/** A case with two separated parents, each with active access: Pat (the requestor) and Sam. */
async function twoParentCase() {
  const { caseId, parent } = await anActiveCase(caseworker, t0);
  const other = await anotherActiveParent(caseworker, caseId, at(2), "Sam", "Parent");
  return { caseId, pat: parent, sam: other };
}

const message = (caseId: string, subject: string, extra: { replyToId?: string; to?: string } = {}) => ({ caseId, type: "general", subject, body: "Text", ...extra });

const subjects = async (list: ReturnType<typeof listFamilyInbox>) => {
  const found = await list;
  if (found.status !== "found") throw new Error("expected the list");
  return found.items.map((item) => [item.subject, item.toName]);
};

const waitingEmails = async (member: TestFamily) => (await emailsTo(member.email)).filter((email) => email.subject === WAITING).length;

async function everythingSeenBy(member: TestFamily, caseId: string) {
  return { inbox: await subjects(listFamilyInbox(db, member, caseId)), sent: await subjects(listFamilySent(db, member, caseId)), unread: await unreadCountForFamily(db, member, caseId) };
}

describe("two parents on one case", () => {
  it("keeps a parent's message and the caseworker's reply to them from the other parent", async () => {
    const { caseId, pat, sam } = await twoParentCase();
    const question = await sent(await sendFamilyMessage(sendDepsAt(at(5)), pat, message(caseId, "From Pat")));

    // The reply form goes to Pat unless the caseworker changes it, and so does a reply that chooses no one.
    const opened = await readTeamMessage(sendDepsAt(at(6)), caseworker, caseId, question);
    expect(opened).toMatchObject({ status: "found", message: { fromName: "Pat Parent", toName: "SEND team" }, recipients: { defaultTo: pat.userId } });
    expect(opened.status === "found" && opened.recipients.members.map((member) => member.name)).toEqual(["Pat Parent", "Sam Parent"]);
    const reply = await sent(await sendTeamMessage(sendDepsAt(at(7)), caseworker, message(caseId, "Re: From Pat", { replyToId: question })));
    const [row] = await db.select().from(sendMessages).where(eq(sendMessages.id, reply));
    expect(row).toMatchObject({ toUserId: pat.userId, replyToId: question });

    expect(await everythingSeenBy(pat, caseId)).toEqual({ inbox: [["Re: From Pat", "You"]], sent: [["From Pat", "SEND team"]], unread: 1 });
    expect(await everythingSeenBy(sam, caseId)).toEqual({ inbox: [], sent: [], unread: 0 });
    expect((await getDashboard(sendDepsAt(at(8)), sam, caseId))?.unreadMessages).toBe(0);
    expect((await getDashboard(sendDepsAt(at(8)), pat, caseId))?.unreadMessages).toBe(1);

    // Sam cannot open either one, even by its address, nor reply to them: answered as a missing message.
    for (const id of [question, reply]) {
      expect(await readFamilyMessage(sendDepsAt(at(9)), sam, caseId, id)).toEqual({ status: "not-found" });
      expect(await familyMessageDraft(db, sam, caseId, id)).toMatchObject({ status: "found", replyTo: null });
    }
    const forged = await sent(await sendFamilyMessage(sendDepsAt(at(10)), sam, message(caseId, "Forged reply", { replyToId: reply })));
    const [forgedRow] = await db.select().from(sendMessages).where(eq(sendMessages.id, forged));
    expect(forgedRow).toMatchObject({ replyToId: null, toUserId: null, fromUserId: sam.userId });
    // Pat does not see Sam's message either; Pat can open and reply to the reply.
    expect((await everythingSeenBy(pat, caseId)).sent).toEqual([["From Pat", "SEND team"]]);
    expect(await readFamilyMessage(sendDepsAt(at(11)), pat, caseId, reply)).toMatchObject({ status: "found", message: { toName: "You" } });
    expect(await familyMessageDraft(db, pat, caseId, reply)).toMatchObject({ replyTo: { id: reply } });

    // Only Pat was emailed about the reply; the team sees every message, from whom and to whom.
    expect(await waitingEmails(pat)).toBe(1);
    expect(await waitingEmails(sam)).toBe(0);
    const listed = await listCaseMessages(sendDepsAt(at(12)), caseworker, caseId);
    expect(listed.status === "found" && listed.messages.map((item) => [item.subject, item.fromName, item.toName])).toEqual([
      ["Forged reply", "Sam Parent", "SEND team"],
      ["Re: From Pat", caseworker.name, "Pat Parent"],
      ["From Pat", "Pat Parent", "SEND team"],
    ]);
  });

  it("shows a message to everyone with access to both parents, and emails both", async () => {
    const { caseId, pat, sam } = await twoParentCase();
    // A new message on a two-parent case goes to everyone unless the caseworker chooses one person.
    const listed = await listCaseMessages(sendDepsAt(at(4)), caseworker, caseId);
    expect(listed).toMatchObject({ status: "found", recipients: { defaultTo: TO_EVERYONE } });
    const news = await sent(await sendTeamMessage(sendDepsAt(at(5)), caseworker, message(caseId, "For you both", { to: TO_EVERYONE })));
    const toSam = await sent(await sendTeamMessage(sendDepsAt(at(6)), caseworker, message(caseId, "For Sam", { to: sam.userId })));

    expect(await everythingSeenBy(pat, caseId)).toEqual({ inbox: [["For you both", "Everyone with access"]], sent: [], unread: 1 });
    expect(await everythingSeenBy(sam, caseId)).toEqual({ inbox: [["For Sam", "You"], ["For you both", "Everyone with access"]], sent: [], unread: 2 });
    expect(await readFamilyMessage(sendDepsAt(at(7)), pat, caseId, news)).toMatchObject({ status: "found", message: { toName: "Everyone with access" } });
    expect(await readFamilyMessage(sendDepsAt(at(7)), pat, caseId, toSam)).toEqual({ status: "not-found" });
    expect(await waitingEmails(pat)).toBe(1);
    expect(await waitingEmails(sam)).toBe(2);

    // A reply to the team's own message goes where that one went.
    const again = await readTeamMessage(sendDepsAt(at(8)), caseworker, caseId, news);
    expect(again).toMatchObject({ status: "found", message: { toName: "Everyone with access" }, recipients: { defaultTo: TO_EVERYONE } });
    expect(await readTeamMessage(sendDepsAt(at(8)), caseworker, caseId, toSam)).toMatchObject({ message: { toName: "Sam Parent" }, recipients: { defaultTo: sam.userId } });
  });

  it("refuses a recipient without active access beside the field, storing and emailing nothing", async () => {
    const { caseId, pat, sam } = await twoParentCase();
    const elsewhere = await anActiveCase(caseworker, t0);
    const stranger = await aFamilyUser();
    expect(await revokeAccess(sendDepsAt(at(3)), caseworker, sam.accessId)).toEqual({ status: "done" });
    const refused = { status: "invalid", errors: { to: "Select someone who has access to this case, or everyone with access" } };
    for (const to of [stranger.userId, sam.userId, elsewhere.parent.userId, caseworker.userId, "not-a-uuid"]) {
      expect(await sendTeamMessage(sendDepsAt(at(5)), caseworker, message(caseId, "Misaddressed", { to }))).toEqual(refused);
    }
    // No choice posted, with the other fields wrong too: every message at once.
    expect(await sendTeamMessage(sendDepsAt(at(5)), caseworker, { caseId, type: "", subject: "", body: "", to: "" })).toEqual({
      status: "invalid",
      errors: { type: "Select a message type", subject: "Enter a subject", body: "Enter your message", to: "Select who the message is to" },
    });
    expect(await db.select().from(sendMessages).where(eq(sendMessages.caseId, caseId))).toEqual([]);
    expect(await waitingEmails(sam)).toBe(0);
    expect(await waitingEmails(pat)).toBe(0);
    // With Sam's access revoked, Pat is the only one left: a new message goes to Pat by default.
    const listed = await listCaseMessages(sendDepsAt(at(6)), caseworker, caseId);
    expect(listed).toMatchObject({ status: "found", recipients: { defaultTo: pat.userId } });
    expect(listed.status === "found" && listed.recipients.members.map((member) => member.userId)).toEqual([pat.userId]);
  });

  it("addresses a new message on a one-parent case to that parent, as before", async () => {
    const { caseId, parent } = await anActiveCase(caseworker, t0);
    const id = await sent(await sendTeamMessage(sendDepsAt(at(5)), caseworker, message(caseId, "Hello")));
    const [row] = await db.select().from(sendMessages).where(eq(sendMessages.id, id));
    expect(row?.toUserId).toBe(parent.userId);
    expect(await everythingSeenBy(parent, caseId)).toEqual({ inbox: [["Hello", "You"]], sent: [], unread: 1 });
    expect(await waitingEmails(parent)).toBe(1);
  });
});
