/**
 * Secure messages on a child's SEND case, the SEND team's side (staff only, scoped to the
 * actor's teams in SQL): the whole conversation on a case, each message with who it is from
 * and to; a new message or a reply to one family member with active access or to everyone
 * with access (issue 16: on a case with two parents each sees only their own conversation
 * with the team, see audience.ts); and the cases with unread messages from families.
 */
import { and, count, desc, eq, inArray, notExists, sql } from "drizzle-orm";
import { inMyTeams } from "@/lib/staff/scope";
import type { DbOrTx } from "@/db/client";
import { sendCases, sendMessageReads, sendMessages, users } from "@/db/schema";
import { isStaff, STAFF_ACCOUNT_ROLES } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { familyAddresses } from "../cases/scope";
import type { Forbidden, Invalid, NotFound } from "../results";
import { formatCaseNumber, link, type SendDeps, type StaffUser } from "../deps";
import { recordSendAudit } from "../events";
import { defaultRecipient, familyMembersWithAccess, personName, type FamilyMember } from "./audience";
import { markRead, messageOnCase, recipients, storeMessage, toNameOf, viewOf } from "./store";
import { MESSAGE_TYPES, type MessageInput, type MessageView, type Sent } from "./types";

/** No staff user has opened the message (for a select over sendMessages). */
function unreadByTeam(db: DbOrTx) {
  return notExists(
    db
      .select({ one: sql`1` })
      .from(sendMessageReads)
      .innerJoin(users, eq(users.id, sendMessageReads.userId))
      .where(and(eq(sendMessageReads.messageId, sendMessages.id), inArray(users.role, [...STAFF_ACCOUNT_ROLES]))),
  );
}

/** Someone other than staff (a family member) has opened the message. */
const readByFamily = sql<boolean>`exists (select 1 from ${sendMessageReads} inner join ${users} on ${users.id} = ${sendMessageReads.userId} where ${sendMessageReads.messageId} = ${sendMessages.id} and ${users.role} not in ('caseworker', 'admin'))`;

const teamCase = async (tx: DbOrTx, staff: StaffUser, caseId: string) => {
  const [row] = await tx.select().from(sendCases).where(and(eq(sendCases.id, caseId), inMyTeams(sendCases.team, staff)));
  return row ?? null;
};

const summaryOf = (row: typeof sendCases.$inferSelect): StaffCaseSummary => ({ id: row.id, number: formatCaseNumber(row.number), childName: `${row.childForename} ${row.childSurname}` });

/**
 * A caseworker sends a message to the family: to one family member with active access (`to`,
 * their user id) or to everyone with access (TO_EVERYONE); left out, to the default recipient
 * (defaultRecipient). Anyone else is refused beside the field. Only the people who can see the
 * message are emailed that one is waiting, with the link to their messages.
 */
export async function sendTeamMessage(deps: SendDeps, staff: StaffUser, input: MessageInput): Promise<Sent | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(input.caseId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const row = await teamCase(tx, staff, input.caseId);
    if (!row) return { status: "not-found" } as const;
    const message = await storeMessage(tx, deps, row.id, { userId: staff.userId, ip: staff.ip, fromFamily: false }, input);
    if (message.status === "invalid") return message;
    const addresses = message.toUserId ? message.members.filter((member) => member.userId === message.toUserId).map((member) => member.email) : await familyAddresses(tx, row);
    for (const to of addresses) {
      await deps.mail(tx, { kind: "message-waiting", to, forTeam: false, link: link(deps, `/send/${row.id}/messages`) });
    }
    return { status: "done", messageId: message.id } as const;
  });
}

/**
 * One message in the team's conversation: `toName` is "SEND team" for the family's, the family
 * member's name or "Everyone with access" for the team's.
 */
export type StaffMessageRow = Pick<MessageView, "id" | "sentAt" | "type" | "typeLabel" | "fromFamily" | "fromName" | "toName" | "subject"> & {
  /** A message from the family that no one in the team has opened. */
  unreadByTeam: boolean;
  /** A message from the team that a family member has opened. */
  readByFamily: boolean;
};

export type StaffCaseSummary = { id: string; number: string; childName: string };

/** Who a team message on this case can go to, and who the form picks unless the caseworker changes it. */
export type RecipientChoices = { members: FamilyMember[]; defaultTo: string };

/** The case's whole conversation, both directions and every family member's, newest first; writes a "messages viewed" audit row. */
export async function listCaseMessages(
  deps: SendDeps,
  staff: StaffUser,
  caseId: string,
): Promise<{ status: "found"; case: StaffCaseSummary; messages: StaffMessageRow[]; recipients: RecipientChoices } | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(caseId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const row = await teamCase(tx, staff, caseId);
    if (!row) return { status: "not-found" } as const;
    const rows = await tx
      .select({
        id: sendMessages.id,
        sentAt: sendMessages.sentAt,
        type: sendMessages.type,
        fromFamily: sendMessages.fromFamily,
        toUserId: sendMessages.toUserId,
        subject: sendMessages.subject,
        forename: users.forename,
        surname: users.surname,
        toForename: recipients.forename,
        toSurname: recipients.surname,
        unreadByTeam: sql<boolean>`${unreadByTeam(tx)}`,
        readByFamily,
      })
      .from(sendMessages)
      .leftJoin(users, eq(users.id, sendMessages.fromUserId))
      .leftJoin(recipients, eq(recipients.id, sendMessages.toUserId))
      .where(eq(sendMessages.caseId, row.id))
      .orderBy(desc(sendMessages.sentAt), desc(sendMessages.seq));
    const members = await familyMembersWithAccess(tx, row.id);
    await recordSendAudit(tx, "send-messages-viewed", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
    return {
      status: "found",
      case: summaryOf(row),
      messages: rows.map((item) => ({
        id: item.id,
        sentAt: item.sentAt,
        type: item.type,
        typeLabel: MESSAGE_TYPES[item.type],
        fromFamily: item.fromFamily,
        fromName: personName(item),
        toName: toNameOf(item, "team"),
        subject: item.subject,
        unreadByTeam: item.fromFamily && Boolean(item.unreadByTeam),
        readByFamily: !item.fromFamily && Boolean(item.readByFamily),
      })),
      recipients: { members, defaultTo: defaultRecipient(members, null) },
    } as const;
  });
}

/** One message on the case for the team (either direction); marks it read by this staff user. The reply form's recipient defaults to the person replied to. */
export async function readTeamMessage(
  deps: SendDeps,
  staff: StaffUser,
  caseId: string,
  messageId: string,
): Promise<{ status: "found"; case: StaffCaseSummary; message: MessageView; recipients: RecipientChoices } | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(caseId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const row = await teamCase(tx, staff, caseId);
    if (!row) return { status: "not-found" } as const;
    const found = await messageOnCase(tx, row.id, messageId, null);
    if (!found) return { status: "not-found" } as const;
    await markRead(tx, found.message.id, staff.userId, deps.now);
    await recordSendAudit(tx, "send-message-read", { userId: staff.userId, caseId: row.id, ip: staff.ip, detail: { messageId: found.message.id } }, deps.now);
    const members = await familyMembersWithAccess(tx, row.id);
    return { status: "found", case: summaryOf(row), message: viewOf(found, "team"), recipients: { members, defaultTo: defaultRecipient(members, found.message) } } as const;
  });
}

export type UnreadCase = { caseId: string; number: string; childName: string; unread: number };

/** Cases with messages from the family that no one in the team has opened, longest waiting first. */
export async function listCasesWithUnreadFamilyMessages(deps: SendDeps, staff: StaffUser): Promise<UnreadCase[] | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        caseId: sendCases.id,
        number: sendCases.number,
        forename: sendCases.childForename,
        surname: sendCases.childSurname,
        unread: count(),
      })
      .from(sendMessages)
      .innerJoin(sendCases, eq(sendCases.id, sendMessages.caseId))
      .where(and(eq(sendMessages.fromFamily, true), unreadByTeam(tx), inMyTeams(sendCases.team, staff)))
      .groupBy(sendCases.id, sendCases.number, sendCases.childForename, sendCases.childSurname)
      .orderBy(sql`min(${sendMessages.sentAt})`, sendCases.number);
    await recordSendAudit(tx, "send-cases-listed", { userId: staff.userId, ip: staff.ip }, deps.now);
    return rows.map((item) => ({ caseId: item.caseId, number: formatCaseNumber(item.number), childName: `${item.forename} ${item.surname}`, unread: item.unread }));
  });
}
