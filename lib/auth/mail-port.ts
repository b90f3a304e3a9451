/**
 * The account emails lib/auth asks for. lib/auth names what to send; emails/ renders it and
 * queues it in the same transaction (see emails/account-mailer.ts).
 */
import type { DbOrTx } from "@/db/client";

export type AccountEmail =
  | { kind: "verify-email"; to: string; code: string; minutes: number }
  | { kind: "already-registered"; to: string }
  | { kind: "sign-in-code"; to: string; code: string; minutes: number }
  | { kind: "reset-password"; to: string; code: string; minutes: number }
  | { kind: "account-locked"; to: string; minutes: number }
  /** A council admin invited this address to a staff account: the link sets it up. */
  | { kind: "staff-invitation"; to: string; link: string; days: number; invitedBy: string };

export type AccountMailer = (db: DbOrTx, email: AccountEmail) => Promise<void>;
