/**
 * The words and limits of secure messages (guide 004, "Messages"), shared by the family's side
 * (family-*.ts) and the SEND team's (team.ts): the Message Type list, the field
 * limits, the input both sides post, and the view of one message.
 */
import { sendMessageType } from "@/db/schema";
import { formatDateTime as formatPortalDateTime } from "@/lib/format/dates";
import type { FamilyUser } from "../deps";
import type { Done } from "../results";

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

/** Who a team message with no one person as its recipient is shown as sent to. */
export const EVERYONE_NAME = "Everyone with access";

/** The value of the team's recipient choice "Everyone with access to this case". */
export const TO_EVERYONE = "everyone";

/** The family member acting, with their address for the audit row when known. */
export type FamilyActor = FamilyUser & { ip?: string | null };

/**
 * A message as posted. `to` is the team's only: a family member's user id, or TO_EVERYONE;
 * left out, the team's message goes to the default recipient (team.ts says which).
 */
export type MessageInput = { caseId: string; type: string; subject: string; body: string; replyToId?: string | null; to?: string };

/** A message sent: the one SEND result union's "done". */
export type Sent = Done<{ messageId: string }>;

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

/** "30 Jan 2023 14:45", in London time: the message lists' short form of the one date formatter. */
export function formatDateTime(moment: Date): string {
  return formatPortalDateTime(moment, "short");
}

/** "Re: <subject>" for a reply, once only, within the subject limit. */
export function replySubject(subject: string): string {
  const reply = /^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`;
  return reply.slice(0, MAX_SUBJECT);
}
