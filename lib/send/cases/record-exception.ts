/**
 * Recording an exception to a timescale (the reasons of regs. 10(4) and 13(3)) with a note, in one
 * transaction with the list's columns and the audit row. The family is not emailed.
 */
import { isStaff } from "@/lib/auth/roles";
import { todayOf, type SendDeps, type StaffUser } from "../deps";
import { recordCaseEvent, recordSendAudit } from "../events";
import type { FieldErrors, Forbidden, Invalid, NotFound } from "../results";
import { EXCEPTION_REASONS, type ExceptionReason, type ExceptionTimescale } from "../timescales";
import { writeCaseloadColumns } from "./read-model";
import { lockCase } from "./scope";

export const MAX_NOTE = 2000;

export const isExceptionReason = (value: unknown): value is ExceptionReason => typeof value === "string" && value in EXCEPTION_REASONS;
export const EXCEPTION_TIMESCALES: ExceptionTimescale[] = ["assess-decision", "plan-decision", "final-plan"];
export const isExceptionTimescale = (value: unknown): value is ExceptionTimescale => typeof value === "string" && (EXCEPTION_TIMESCALES as string[]).includes(value);

/**
 * Records an exception to a timescale (the reasons of regs. 10(4) and 13(3)) with a note: the
 * dashboard then says an exception applies, and why, instead of showing the date as missed.
 */
export async function recordException(
  deps: SendDeps,
  staff: StaffUser,
  input: { caseId: string; timescale: string; reason: string; note: string },
): Promise<{ status: "done" } | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  const errors: FieldErrors = {};
  if (!isExceptionTimescale(input.timescale)) errors.timescale = "Select the timescale the exception applies to";
  if (!isExceptionReason(input.reason)) errors.reason = "Select the reason for the exception";
  else if (input.reason === "missed-appointment" && input.timescale !== "final-plan") errors.reason = "A missed appointment is an exception to the final plan timescale only (reg. 13(3)(d))";
  const note = input.note.trim();
  if (!note) errors.note = "Enter a note explaining the exception";
  else if (note.length > MAX_NOTE) errors.note = `The note must be ${MAX_NOTE} characters or fewer`;
  if (Object.keys(errors).length > 0) return { status: "invalid", errors };
  const timescale = input.timescale as ExceptionTimescale;
  const reason = input.reason as ExceptionReason;
  return deps.db.transaction(async (tx) => {
    const row = await lockCase(tx, staff, input.caseId);
    if (!row) return { status: "not-found" } as const;
    await recordCaseEvent(tx, { caseId: row.id, kind: "exception-recorded", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { timescale, reason, note } });
    await writeCaseloadColumns(tx, row);
    await recordSendAudit(tx, "send-exception-recorded", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
    return { status: "done" } as const;
  });
}
