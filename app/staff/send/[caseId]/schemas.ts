/**
 * What each action on a SEND case reads: the case (and the invitation or access acted on), where
 * anything but an id is something that is not there, and the action's own fields, which
 * lib/send checks and reports field by field.
 */
import { z } from "zod";
import { isUuid } from "@/lib/security/uuid";
import { parseDayMonthYear } from "@/lib/send/dates";

const id = z.string().refine(isUuid);
const text = z.string().default("");

/** "Record stage": the stage, its outcome (decisions only) and the date's three boxes. */
export const recordStageSchema = z.object({
  caseId: id,
  kind: text,
  outcome: text,
  "date-day": text,
  "date-month": text,
  "date-year": text,
});

/** The three boxes as "YYYY-MM-DD", or "" so recordStage reports the date. */
export const stageDate = (form: { "date-day": string; "date-month": string; "date-year": string }) =>
  parseDayMonthYear(form["date-day"], form["date-month"], form["date-year"]) ?? "";

export const recordExceptionSchema = z.object({ caseId: id, timescale: text, reason: text, note: text });

export const inviteSchema = z.object({ caseId: id, email: text });

/** "Assign to a caseworker" (team managers): lib/send checks the caseworker is in the case's team. */
export const assignCaseSchema = z.object({ caseId: id, assignee: text });

export const verifyIdentitySchema = z.object({ caseId: id, invitationId: id, code: text });

/** "Resend" and "Cancel invitation". */
export const invitationSchema = z.object({ caseId: id, invitationId: id });

/** "Activate access" and "Revoke access". */
export const accessSchema = z.object({ caseId: id, accessId: id });
