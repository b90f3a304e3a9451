/**
 * What the family's side and the team's side of secure messages share: checking a message,
 * storing it as sent (with its audit row), and reading one back. A family member's reads carry
 * `viewer`, which puts visibleToFamilyMember in the query's WHERE, so another member's message
 * is never read, replied to or counted.
 */
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { sendMessageReads, sendMessages, users } from "@/db/schema";
import { isUuid } from "@/lib/security/uuid";
import type { FieldErrors, Invalid } from "../results";
import type { SendDeps } from "../deps";
import { recordSendAudit } from "../events";
import { chooseRecipient, personName, visibleToFamilyMember, type FamilyMember } from "./audience";
import { EVERYONE_NAME, isMessageType, MAX_BODY, MAX_SUBJECT, MESSAGE_TYPES, TEAM_NAME, type MessageInput, type MessageType, type MessageView } from "./types";

/** The user a team message is addressed to (a second join on users). */
export const recipients = alias(users, "recipient");

/** Whether this user has a read row for the message (in a select over sendMessages). */
export const readBy = (userId: string) => sql<boolean>`exists (select 1 from ${sendMessageReads} where ${sendMessageReads.messageId} = ${sendMessages.id} and ${sendMessageReads.userId} = ${userId})`;

/** Who a message is shown as sent to: the team, everyone with access, or one person ("You" to that person). */
export function toNameOf(row: { fromFamily: boolean; toUserId: string | null; toForename: string | null; toSurname: string | null }, side: "family" | "team"): string {
  if (row.fromFamily) return TEAM_NAME;
  if (!row.toUserId) return EVERYONE_NAME;
  return side === "family" ? "You" : personName({ forename: row.toForename, surname: row.toSurname });
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

/** The columns of one message with its sender's and recipient's names. */
const messageColumns = {
  message: sendMessages,
  forename: users.forename,
  surname: users.surname,
  toForename: recipients.forename,
  toSurname: recipients.surname,
};

/**
 * One message on this case, with who sent it and who it is to; with `viewer` (a family member),
 * only if that person may see it. Anything else is null, as a missing message is.
 */
export async function messageOnCase(tx: DbOrTx, caseId: string, messageId: string | null | undefined, viewer: string | null) {
  if (!isUuid(messageId)) return null;
  const [row] = await tx
    .select(messageColumns)
    .from(sendMessages)
    .leftJoin(users, eq(users.id, sendMessages.fromUserId))
    .leftJoin(recipients, eq(recipients.id, sendMessages.toUserId))
    .where(and(eq(sendMessages.id, messageId), eq(sendMessages.caseId, caseId), viewer ? visibleToFamilyMember(viewer) : undefined));
  return row ?? null;
}

export type FoundMessage = NonNullable<Awaited<ReturnType<typeof messageOnCase>>>;

export function viewOf(found: FoundMessage, side: "family" | "team"): MessageView {
  const { message } = found;
  return {
    id: message.id,
    caseId: message.caseId,
    sentAt: message.sentAt,
    type: message.type,
    typeLabel: MESSAGE_TYPES[message.type],
    fromFamily: message.fromFamily,
    fromName: personName(found),
    toName: toNameOf({ ...found, fromFamily: message.fromFamily, toUserId: message.toUserId }, side),
    subject: message.subject,
    body: message.body,
    replyToId: message.replyToId,
  };
}

export async function markRead(tx: DbOrTx, messageId: string, userId: string, at: Date): Promise<void> {
  await tx.insert(sendMessageReads).values({ messageId, userId, readAt: at }).onConflictDoNothing();
}

export type Stored = { status: "stored"; id: string; toUserId: string | null; members: FamilyMember[] };

/**
 * Checks and stores one message as sent, with its audit row; the caller has checked who may
 * send it. A reply is kept as one only to a message the sender may see on this case (anything
 * else is stored as no reply, saying nothing about it). A family member's message has no
 * recipient (the sender and the team see it); the team's goes to its checked recipient.
 */
export async function storeMessage(
  tx: DbOrTx,
  deps: SendDeps,
  caseId: string,
  sender: { userId: string; ip?: string | null; fromFamily: boolean },
  input: MessageInput,
): Promise<Stored | Invalid> {
  const checked = validate(input);
  const replied = await messageOnCase(tx, caseId, input.replyToId, sender.fromFamily ? sender.userId : null);
  const recipient = sender.fromFamily ? { ok: true as const, toUserId: null, members: [] as FamilyMember[] } : await chooseRecipient(tx, caseId, input.to, replied?.message ?? null);
  if (!checked.ok || !recipient.ok) return { status: "invalid", errors: { ...(checked.ok ? {} : checked.errors), ...(recipient.ok ? {} : { to: recipient.error }) } };
  const [message] = await tx
    .insert(sendMessages)
    .values({
      caseId,
      fromUserId: sender.userId,
      fromFamily: sender.fromFamily,
      type: checked.type,
      subject: checked.subject,
      body: checked.body,
      replyToId: replied?.message.id ?? null,
      toUserId: recipient.toUserId,
      sentAt: deps.now,
    })
    .returning({ id: sendMessages.id });
  if (!message) throw new Error("message insert returned no row");
  await recordSendAudit(tx, "send-message-sent", { userId: sender.userId, caseId, ip: sender.ip }, deps.now);
  return { status: "stored", id: message.id, toUserId: recipient.toUserId, members: recipient.members };
}
