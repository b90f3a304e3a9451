/**
 * What every SEND function needs, passed in so tests use the real database and a fixed clock.
 * `today` (the calendar date in the council's time zone) is derived from `now`, so the law's
 * dates never depend on the time zone the server runs in.
 */
import type { Db } from "@/db/client";
import type { CouncilSettings } from "@/lib/config/council";
import type { StaffUser } from "@/lib/auth/roles";
import { todayIn } from "@/lib/dates/calendar";
import type { CalendarDate } from "./dates";
import type { SendMailer } from "./mail-port";

export type SendDeps = {
  db: Db;
  now: Date;
  /** The app secret that keys the hashes of identity codes and links. */
  secret: string;
  council: CouncilSettings;
  mail: SendMailer;
  /** The portal's address, for links in emails (APP_URL). */
  appUrl: string;
};

export type { StaffUser };

/** The team that runs EHC needs assessments: new cases are its, and it chooses their caseworkers. */
export const SEND_TEAM = "send";

/** A parent or young person acting for themselves: only the user id, from the session. */
export type FamilyUser = { userId: string };

export const todayOf = (deps: Pick<SendDeps, "now">): CalendarDate => todayIn(deps.now);

export const formatCaseNumber = (number: number): string => `EHC-${String(number).padStart(6, "0")}`;

/** "EHC-000123", "ehc123" or "123" → 123; anything else → null. */
export function parseCaseNumber(text: string): number | null {
  const match = /^(?:ehc-?)?0*(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}

export const link = (deps: Pick<SendDeps, "appUrl">, path: string): string => new URL(path, deps.appUrl).toString();
