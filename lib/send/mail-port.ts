/**
 * The emails lib/send asks for; emails/send-mailer.tsx renders them and queues them in the
 * caller's transaction. None of them carries the child's name or anything about the case
 * beyond what happened ("a decision has been made: sign in to read it"): email is not a secure
 * channel, and the address may be shared.
 */
import type { Mailer } from "@/lib/deps";
import type { StageKind, Outcome } from "./timescales";

export type SendEmail =
  /** To the requestor's address: the code to quote to the SEND team. */
  | { kind: "identity-code"; to: string; code: string; teamContact: string; days: number }
  /** To the verified address: "Accept Portal Invitation" with the single-use link. */
  | { kind: "accept-invitation"; to: string; link: string; days: number; teamContact: string }
  /** To the parent after Submit: the request is with the SEND team. */
  | { kind: "invitation-accepted"; to: string; teamContact: string }
  /** To the caseworker: the family answered No. */
  | { kind: "invitation-declined"; to: string; caseNumber: string; link: string }
  /** To the parent: access is active, with the link to the SEND Dashboard. */
  | { kind: "access-activated"; to: string; link: string }
  /** To each parent with access (and the requestor before there is any): a stage was recorded. */
  | { kind: "stage-recorded"; to: string; stage: StageKind; outcome?: Outcome; link: string }
  /** A secure message is waiting (to the family, or to the caseworker): never its text or subject. */
  | { kind: "message-waiting"; to: string; link: string; forTeam: boolean; caseNumber?: string }
  /** To the family: a document was published to Documents to View. */
  | { kind: "document-published"; to: string; link: string }
  /** To the family: the SEND team asked them to complete a form. */
  | { kind: "action-assigned"; to: string; link: string }
  /** To the caseworker: the family sent a form they were asked to complete. */
  | { kind: "action-submitted"; to: string; caseNumber: string; link: string };

export type SendMailer = Mailer<SendEmail>;
