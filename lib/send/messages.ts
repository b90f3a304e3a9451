/**
 * Secure messages on a child's SEND case (guide 004, "Messages"; issue 9): the family writes to
 * the SEND team and the team writes to the family. Messages are plain text, stored as sent and
 * never edited (there is no edit function). Each function checks who is acting itself: every
 * family-side read and write goes through caseForFamily, so a parent without active access (a
 * stranger, or one whose access was revoked) gets "not found"; the team side is staff only.
 * The emails that say a message is waiting never carry its subject or text.
 */
import { and, count, desc, eq, inArray, notExists, sql } from "drizzle-orm";
import { STAFF_ACCOUNT_ROLES } from "@/lib/staff/roles";
import { inMyTeams } from "@/lib/staff/scope";
import type { DbOrTx } from "@/db/client";
import { sendCases, sendMessageReads, sendMessages, sendMessageType, users } from "@/db/schema";
import { formatDateTime as formatPortalDateTime } from "@/lib/dates/format";
import { isStaff, isUuid } from "@/lib/referrals/staff";
import { caseForFamily, type FamilyCase } from "./access";
import { familyAddresses, type FieldErrors, type Forbidden, type Invalid, type NotFound } from "./cases";
import { formatCaseNumber, link, type FamilyUser, type SendDeps, type StaffUser } from "./deps";
import { recordSendAudit } from "./events";

export type MessageType = (typeof sendMessageType.enumValues)[number];

/** The Message Type list, in guide 004's words and order. */
export const MESSAGE_TYPES: Record<MessageType, string> = {
  assessment: "EHC Needs Assessment (0-20 weeks)",
  "annual-review": "Annual Review",
  "school-placement": "School Placement",
  general: "General",
};

export const MESSAGE_TYPE_ORDER = sendMessageType.enumValues;

export const MAX_SUBJECT = 150;
export const MAX_BODY = 5000;

export const isMessageType = (value: unknown): value is MessageType => typeof value === "string" && (MESSAGE_TYPE_ORDER as readonly string[]).includes(value);

/** Who a message from the family is shown as sent to. */
export const TEAM_NAME = "SEND team";

/** The family member acting, with their address for the audit row when known. */
export type FamilyActor = FamilyUser & { ip?: string | null };

export type MessageInput = { caseId: string; type: string; subject: string; body: string; replyToId?: string | null };

type Sent = { status: "sent"; messageId: string };

/** "30 Jan 2023 14:45", in London time: the message lists' short form of the one date formatter. */
export function formatDateTime(moment: Date): string {
  return formatPortalDateTime(moment, "short");
}

/** "Re: <subject>" for a reply, once only, within the subject limit. */
export function replySubject(subject: string): string {
  const reply = /^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`;
  return reply.slice(0, MAX_SUBJECT);
}

/** The checked message, or the messages to show beside each field. */
function validate(input: MessageInput): { ok: true; type: MessageType; subject: string; body: string } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const subject = String(input.subject ?? "").trim();
  // Line endings as a textarea posts them (CRLF) are stored as LF; the text is otherwise kept as typed.
  const body = String(input.body ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
  if (!isMessageType(input.type)) errors.type = "Select a message type";
  if (!subject) errors.subject = "Enter a subject";
  else if (subject.length > MAX_SUBJECT) errors.subject = `The subject must be ${MAX_SUBJECT} characters or fewer`;
  if (!body.trim()) errors.body = "Enter your message";
  else if (body.length > MAX_BODY) errors.body = `Your message must be ${MAX_BODY.toLocaleString("en-GB")} characters or fewer`;
  if (Object.keys(errors).length > 0 || !isMessageType(input.type)) return { ok: false, errors };
  return { ok: true, type: input.type, subject, body };
}

/** The message replied to, if it is a message on this case; anything else is ignored (stored as no reply). */
async function replyTarget(tx: DbOrTx, caseId: string, replyToId: string | null | undefined): Promise<string | null> {
  if (!isUuid(replyToId)) return null;
  const [row] = await tx
    .select({ id: sendMessages.id })
    .from(sendMessages)
    .where(and(eq(sendMessages.id, replyToId), eq(sendMessages.caseId, caseId)));
  return row?.id ?? null;
}

const nameOf = (row: { forename: string | null; surname: string | null }) => (row.forename ? `${row.forename} ${row.surname ?? ""}`.trim() : "Unknown");

// --- The family's side ------------------------------------------------------------------

/** Checks and stores one message as sent, with its audit row; the caller has checked who may send it. */
async function storeMessage(
  tx: DbOrTx,
  deps: SendDeps,
  caseId: string,
  sender: { userId: string; ip?: string | null; fromFamily: boolean },
  input: MessageInput,
): Promise<{ status: "stored"; id: string } | Invalid> {
  const checked = validate(input);
  if (!checked.ok) return { status: "invalid", errors: checked.errors };
  const replyToId = await replyTarget(tx, caseId, input.replyToId);
  const [message] = await tx
    .insert(sendMessages)
    .values({ caseId, fromUserId: sender.userId, fromFamily: sender.fromFamily, type: checked.type, subject: checked.subject, body: checked.body, replyToId, sentAt: deps.now })
    .returning({ id: sendMessages.id });
  if (!message) throw new Error("message insert returned no row");
  await recordSendAudit(tx, "send-message-sent", { userId: sender.userId, caseId, ip: sender.ip }, deps.now);
  return { status: "stored", id: message.id };
}

/**
 * A family member sends a message to the SEND team. The case's caseworker is emailed that a
 * message is waiting (with a link to the case's messages, never the subject or text).
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

export type FamilyMessageRow = {
  id: string;
  sentAt: Date;
  type: MessageType;
  typeLabel: string;
  fromName: string;
  toName: string;
  subject: string;
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

/** Whether this user has a read row for the message (in a select over sendMessages). */
const readBy = (userId: string) => sql<boolean>`exists (select 1 from ${sendMessageReads} where ${sendMessageReads.messageId} = ${sendMessages.id} and ${sendMessageReads.userId} = ${userId})`;

async function familyList(db: DbOrTx, family: FamilyUser, caseId: string, paging: Paging, fromFamily: boolean): Promise<FamilyMessagePage | NotFound> {
  const row = await caseForFamily(db, family, caseId);
  if (!row) return { status: "not-found" };
  const where = and(eq(sendMessages.caseId, row.id), eq(sendMessages.fromFamily, fromFamily));
  const [counted] = await db.select({ total: count() }).from(sendMessages).where(where);
  const total = counted?.total ?? 0;
  const { page, pageSize, pageCount, offset } = pagingOf(paging, total);
  const rows = await db
    .select({
      id: sendMessages.id,
      sentAt: sendMessages.sentAt,
      type: sendMessages.type,
      subject: sendMessages.subject,
      forename: users.forename,
      surname: users.surname,
      read: readBy(family.userId),
    })
    .from(sendMessages)
    .leftJoin(users, eq(users.id, sendMessages.fromUserId))
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
      fromName: nameOf(item),
      toName: fromFamily ? TEAM_NAME : "You",
      subject: item.subject,
      unread: !fromFamily && !item.read,
    })),
    total,
    page,
    pageSize,
    pageCount,
  };
}

/** The family's Inbox: messages from the SEND team, newest first, each marked unread until this user opens it. */
export function listFamilyInbox(db: DbOrTx, family: FamilyUser, caseId: string, paging: Paging = {}): Promise<FamilyMessagePage | NotFound> {
  return familyList(db, family, caseId, paging, false);
}

/** The family's Sent Items: messages any family member with access sent on the case, newest first. */
export function listFamilySent(db: DbOrTx, family: FamilyUser, caseId: string, paging: Paging = {}): Promise<FamilyMessagePage | NotFound> {
  return familyList(db, family, caseId, paging, true);
}

export type MessageView = {
  id: string;
  caseId: string;
  sentAt: Date;
  type: MessageType;
  typeLabel: string;
  fromFamily: boolean;
  fromName: string;
  toName: string;
  subject: string;
  body: string;
  replyToId: string | null;
};

async function messageOnCase(tx: DbOrTx, caseId: string, messageId: string) {
  if (!isUuid(messageId)) return null;
  const [row] = await tx
    .select({ message: sendMessages, forename: users.forename, surname: users.surname })
    .from(sendMessages)
    .leftJoin(users, eq(users.id, sendMessages.fromUserId))
    .where(and(eq(sendMessages.id, messageId), eq(sendMessages.caseId, caseId)));
  return row ?? null;
}

function viewOf(found: NonNullable<Awaited<ReturnType<typeof messageOnCase>>>, toFamily: string): MessageView {
  const { message } = found;
  return {
    id: message.id,
    caseId: message.caseId,
    sentAt: message.sentAt,
    type: message.type,
    typeLabel: MESSAGE_TYPES[message.type],
    fromFamily: message.fromFamily,
    fromName: nameOf(found),
    toName: message.fromFamily ? TEAM_NAME : toFamily,
    subject: message.subject,
    body: message.body,
    replyToId: message.replyToId,
  };
}

async function markRead(tx: DbOrTx, messageId: string, userId: string, at: Date): Promise<void> {
  await tx.insert(sendMessageReads).values({ messageId, userId, readAt: at }).onConflictDoNothing();
}

/** One message on the case (either direction), for a family member with access; marks it read for them. */
export async function readFamilyMessage(
  deps: SendDeps,
  family: FamilyActor,
  caseId: string,
  messageId: string,
): Promise<{ status: "found"; childName: string; message: MessageView } | NotFound> {
  return deps.db.transaction(async (tx) => {
    const row = await caseForFamily(tx, family, caseId);
    if (!row) return { status: "not-found" } as const;
    const found = await messageOnCase(tx, row.id, messageId);
    if (!found) return { status: "not-found" } as const;
    await markRead(tx, found.message.id, family.userId, deps.now);
    await recordSendAudit(tx, "send-message-read", { userId: family.userId, caseId: row.id, ip: family.ip }, deps.now);
    return { status: "found", childName: `${row.childForename} ${row.childSurname}`, message: viewOf(found, "You") } as const;
  });
}

/**
 * What the New Message page needs: the child's name and, for a reply, the message replied to
 * (on this case only; another id is ignored). Reads nothing as "read".
 */
export async function familyMessageDraft(
  db: DbOrTx,
  family: FamilyUser,
  caseId: string,
  replyToId?: string | null,
): Promise<{ status: "found"; childName: string; replyTo: { id: string; type: MessageType; subject: string } | null } | NotFound> {
  const row = await caseForFamily(db, family, caseId);
  if (!row) return { status: "not-found" };
  const found = isUuid(replyToId) ? await messageOnCase(db, row.id, replyToId) : null;
  return {
    status: "found",
    childName: `${row.childForename} ${row.childSurname}`,
    replyTo: found ? { id: found.message.id, type: found.message.type, subject: found.message.subject } : null,
  };
}

/** Messages from the team this family member has not opened (0 without active access). */
export async function unreadCountForFamily(db: DbOrTx, family: FamilyUser, caseId: string): Promise<number> {
  const row = await caseForFamily(db, family, caseId);
  return row ? unreadCountIn(db, row) : 0;
}

/** The team's messages the checked user has not opened, on a case whose access caseForFamily has checked. */
export async function unreadCountIn(db: DbOrTx, row: FamilyCase): Promise<number> {
  const [counted] = await db
    .select({ unread: count() })
    .from(sendMessages)
    .where(and(eq(sendMessages.caseId, row.id), eq(sendMessages.fromFamily, false), sql`not ${readBy(row.checkedFor)}`));
  return counted?.unread ?? 0;
}

// --- The SEND team's side ---------------------------------------------------------------


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

/**
 * A caseworker sends a message to the family. Everyone with active access is emailed that a
 * message is waiting, with the link to the family's messages.
 */
export async function sendTeamMessage(deps: SendDeps, staff: StaffUser, input: MessageInput): Promise<Sent | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(input.caseId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sendCases).where(and(eq(sendCases.id, input.caseId), inMyTeams(sendCases.team, staff)));
    if (!row) return { status: "not-found" } as const;
    const message = await storeMessage(tx, deps, row.id, { userId: staff.userId, ip: staff.ip, fromFamily: false }, input);
    if (message.status === "invalid") return message;
    for (const to of await familyAddresses(tx, row)) {
      await deps.mail(tx, { kind: "message-waiting", to, forTeam: false, link: link(deps, `/send/${row.id}/messages`) });
    }
    return { status: "sent", messageId: message.id } as const;
  });
}

export type StaffMessageRow = {
  id: string;
  sentAt: Date;
  type: MessageType;
  typeLabel: string;
  fromFamily: boolean;
  fromName: string;
  subject: string;
  /** A message from the family that no one in the team has opened. */
  unreadByTeam: boolean;
  /** A message from the team that a family member has opened. */
  readByFamily: boolean;
};

export type StaffCaseSummary = { id: string; number: string; childName: string };

/** The case's whole conversation, both directions, newest first; writes a "messages viewed" audit row. */
export async function listCaseMessages(
  deps: SendDeps,
  staff: StaffUser,
  caseId: string,
): Promise<{ status: "found"; case: StaffCaseSummary; messages: StaffMessageRow[] } | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(caseId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sendCases).where(and(eq(sendCases.id, caseId), inMyTeams(sendCases.team, staff)));
    if (!row) return { status: "not-found" } as const;
    const rows = await tx
      .select({
        id: sendMessages.id,
        sentAt: sendMessages.sentAt,
        type: sendMessages.type,
        fromFamily: sendMessages.fromFamily,
        subject: sendMessages.subject,
        forename: users.forename,
        surname: users.surname,
        unreadByTeam: sql<boolean>`${unreadByTeam(tx)}`,
        readByFamily,
      })
      .from(sendMessages)
      .leftJoin(users, eq(users.id, sendMessages.fromUserId))
      .where(eq(sendMessages.caseId, row.id))
      .orderBy(desc(sendMessages.sentAt), desc(sendMessages.seq));
    await recordSendAudit(tx, "send-messages-viewed", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
    return {
      status: "found",
      case: { id: row.id, number: formatCaseNumber(row.number), childName: `${row.childForename} ${row.childSurname}` },
      messages: rows.map((item) => ({
        id: item.id,
        sentAt: item.sentAt,
        type: item.type,
        typeLabel: MESSAGE_TYPES[item.type],
        fromFamily: item.fromFamily,
        fromName: nameOf(item),
        subject: item.subject,
        unreadByTeam: item.fromFamily && Boolean(item.unreadByTeam),
        readByFamily: !item.fromFamily && Boolean(item.readByFamily),
      })),
    } as const;
  });
}

/** One message on the case for the team (either direction); marks it read by this staff user. */
export async function readTeamMessage(
  deps: SendDeps,
  staff: StaffUser,
  caseId: string,
  messageId: string,
): Promise<{ status: "found"; case: StaffCaseSummary; message: MessageView } | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(caseId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sendCases).where(and(eq(sendCases.id, caseId), inMyTeams(sendCases.team, staff)));
    if (!row) return { status: "not-found" } as const;
    const found = await messageOnCase(tx, row.id, messageId);
    if (!found) return { status: "not-found" } as const;
    await markRead(tx, found.message.id, staff.userId, deps.now);
    await recordSendAudit(tx, "send-message-read", { userId: staff.userId, caseId: row.id, ip: staff.ip, detail: { messageId: found.message.id } }, deps.now);
    return {
      status: "found",
      case: { id: row.id, number: formatCaseNumber(row.number), childName: `${row.childForename} ${row.childSurname}` },
      message: viewOf(found, "Family"),
    } as const;
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
