/**
 * Secure messages on a child's SEND case (guide 004, "Messages"; issue 9), the family's side:
 * a family member writes to the SEND team and reads the team's messages. Messages are plain
 * text, stored as sent and never edited (there is no edit function). Every read and write goes
 * through caseForFamily, so a parent without active access (a stranger, or one whose access
 * was revoked) gets "not found"; and every query over messages has visibleToFamilyMember in
 * its WHERE (message-audience.ts), so on a case with two parents each sees only their own
 * messages and the team's to them or to everyone (issue 16). The team's side is in
 * team-messages.ts. The emails that say a message is waiting never carry its subject or text.
 */
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendMessages, users } from "@/db/schema";
import { caseForFamily, type FamilyCase } from "./access";
import type { Invalid, NotFound } from "./cases";
import { formatCaseNumber, link, type FamilyUser, type SendDeps } from "./deps";
import { recordSendAudit } from "./events";
import { personName, visibleToFamilyMember } from "./message-audience";
import { markRead, messageOnCase, readBy, recipients, storeMessage, toNameOf, viewOf } from "./message-store";
import { MESSAGE_TYPES, type FamilyActor, type MessageInput, type MessageType, type MessageView, type Sent } from "./message-types";

export * from "./message-types";
export * from "./team-messages";

/**
 * A family member sends a message to the SEND team (only they and the team will see it). The
 * case's caseworker is emailed that a message is waiting (with a link to the case's messages,
 * never the subject or text).
 */
export async function sendFamilyMessage(deps: SendDeps, family: FamilyActor, input: MessageInput): Promise<Sent | Invalid | NotFound> {
  return deps.db.transaction(async (tx) => {
    const row = await caseForFamily(tx, family, input.caseId);
    if (!row) return { status: "not-found" } as const;
    const message = await storeMessage(tx, deps, row.id, { userId: family.userId, ip: family.ip, fromFamily: true }, input);
    if (message.status === "invalid") return message;
    const [caseworker] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.caseworkerId));
    if (caseworker) {
      await deps.mail(tx, { kind: "message-waiting", to: caseworker.email, forTeam: true, caseNumber: formatCaseNumber(row.number), link: link(deps, `/staff/send/${row.id}/messages`) });
    }
    return { status: "sent", messageId: message.id } as const;
  });
}

/** One message in a family member's Inbox or Sent Items. */
export type FamilyMessageRow = Pick<MessageView, "id" | "sentAt" | "type" | "typeLabel" | "fromName" | "toName" | "subject"> & {
  /** Only for messages from the team: this user has not opened it yet. */
  unread: boolean;
};

export type FamilyMessagePage = {
  status: "found";
  caseId: string;
  childName: string;
  items: FamilyMessageRow[];
  total: number;
  /** 1-based, within 1..pageCount. */
  page: number;
  pageSize: number;
  pageCount: number;
};

export type Paging = { page?: number; pageSize?: number };

function pagingOf(paging: Paging, total: number) {
  const pageSize = Math.min(Math.max(Math.trunc(paging.pageSize ?? 10) || 10, 1), 100);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(paging.page ?? 1) || 1, 1), pageCount);
  return { page, pageSize, pageCount, offset: (page - 1) * pageSize };
}

async function familyList(db: DbOrTx, family: FamilyUser, caseId: string, paging: Paging, fromFamily: boolean): Promise<FamilyMessagePage | NotFound> {
  const row = await caseForFamily(db, family, caseId);
  if (!row) return { status: "not-found" };
  const where = and(eq(sendMessages.caseId, row.id), eq(sendMessages.fromFamily, fromFamily), visibleToFamilyMember(row.checkedFor));
  const [counted] = await db.select({ total: count() }).from(sendMessages).where(where);
  const total = counted?.total ?? 0;
  const { page, pageSize, pageCount, offset } = pagingOf(paging, total);
  const rows = await db
    .select({
      id: sendMessages.id,
      sentAt: sendMessages.sentAt,
      type: sendMessages.type,
      subject: sendMessages.subject,
      toUserId: sendMessages.toUserId,
      forename: users.forename,
      surname: users.surname,
      toForename: recipients.forename,
      toSurname: recipients.surname,
      read: readBy(row.checkedFor),
    })
    .from(sendMessages)
    .leftJoin(users, eq(users.id, sendMessages.fromUserId))
    .leftJoin(recipients, eq(recipients.id, sendMessages.toUserId))
    .where(where)
    .orderBy(desc(sendMessages.sentAt), desc(sendMessages.seq))
    .limit(pageSize)
    .offset(offset);
  return {
    status: "found",
    caseId: row.id,
    childName: `${row.childForename} ${row.childSurname}`,
    items: rows.map((item) => ({
      id: item.id,
      sentAt: item.sentAt,
      type: item.type,
      typeLabel: MESSAGE_TYPES[item.type],
      fromName: personName(item),
      toName: toNameOf({ ...item, fromFamily }, "family"),
      subject: item.subject,
      unread: !fromFamily && !item.read,
    })),
    total,
    page,
    pageSize,
    pageCount,
  };
}

/** The family member's Inbox: the team's messages to them or to everyone with access, newest first, each marked unread until this user opens it. */
export function listFamilyInbox(db: DbOrTx, family: FamilyUser, caseId: string, paging: Paging = {}): Promise<FamilyMessagePage | NotFound> {
  return familyList(db, family, caseId, paging, false);
}

/** The family member's Sent Items: the messages they sent on the case (not another member's), newest first. */
export function listFamilySent(db: DbOrTx, family: FamilyUser, caseId: string, paging: Paging = {}): Promise<FamilyMessagePage | NotFound> {
  return familyList(db, family, caseId, paging, true);
}

/** One message this family member may see on the case (either direction); marks it read for them. */
export async function readFamilyMessage(
  deps: SendDeps,
  family: FamilyActor,
  caseId: string,
  messageId: string,
): Promise<{ status: "found"; childName: string; message: MessageView } | NotFound> {
  return deps.db.transaction(async (tx) => {
    const row = await caseForFamily(tx, family, caseId);
    if (!row) return { status: "not-found" } as const;
    const found = await messageOnCase(tx, row.id, messageId, row.checkedFor);
    if (!found) return { status: "not-found" } as const;
    await markRead(tx, found.message.id, family.userId, deps.now);
    await recordSendAudit(tx, "send-message-read", { userId: family.userId, caseId: row.id, ip: family.ip }, deps.now);
    return { status: "found", childName: `${row.childForename} ${row.childSurname}`, message: viewOf(found, "family") } as const;
  });
}

/**
 * What the New Message page needs: the child's name and, for a reply, the message replied to
 * (one this family member may see on this case; another id is ignored). Reads nothing as "read".
 */
export async function familyMessageDraft(
  db: DbOrTx,
  family: FamilyUser,
  caseId: string,
  replyToId?: string | null,
): Promise<{ status: "found"; childName: string; replyTo: { id: string; type: MessageType; subject: string } | null } | NotFound> {
  const row = await caseForFamily(db, family, caseId);
  if (!row) return { status: "not-found" };
  const found = await messageOnCase(db, row.id, replyToId, row.checkedFor);
  return {
    status: "found",
    childName: `${row.childForename} ${row.childSurname}`,
    replyTo: found ? { id: found.message.id, type: found.message.type, subject: found.message.subject } : null,
  };
}

/** Messages from the team to this family member (or to everyone) that they have not opened (0 without active access). */
export async function unreadCountForFamily(db: DbOrTx, family: FamilyUser, caseId: string): Promise<number> {
  const row = await caseForFamily(db, family, caseId);
  return row ? unreadCountIn(db, row) : 0;
}

/** The team's messages the checked user may see and has not opened, on a case whose access caseForFamily has checked. */
export async function unreadCountIn(db: DbOrTx, row: FamilyCase): Promise<number> {
  const [counted] = await db
    .select({ unread: count() })
    .from(sendMessages)
    .where(and(eq(sendMessages.caseId, row.id), eq(sendMessages.fromFamily, false), visibleToFamilyMember(row.checkedFor), sql`not ${readBy(row.checkedFor)}`));
  return counted?.unread ?? 0;
}
