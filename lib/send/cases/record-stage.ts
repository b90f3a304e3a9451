/**
 * Recording a stage of the assessment (its date, and for a decision its outcome): only the next
 * stage in order is accepted (checkNextStage says why another is not), the list's columns are
 * rewritten and the family is emailed that something happened (never what), all in one
 * transaction.
 */
import { isStaff } from "@/lib/auth/roles";
import { isCalendarDate } from "../dates";
import { link, todayOf, type SendDeps, type StaffUser } from "../deps";
import { recordCaseEvent, recordSendAudit } from "../events";
import type { Forbidden, Invalid, NotFound } from "../results";
import { checkNextStage, STAGE_ORDER, type Outcome, type RecordedStage, type StageKind } from "../timescales";
import { loadEvents, stagesAndExceptions, writeCaseloadColumns } from "./read-model";
import { familyAddresses, lockCase } from "./scope";

export const isStageKind = (value: unknown): value is StageKind => typeof value === "string" && (STAGE_ORDER as string[]).includes(value);

/**
 * Records a stage's outcome and date, if it is the next stage in order (an outcome out of order
 * is refused with the reason), and emails the family that something happened.
 */
export async function recordStage(
  deps: SendDeps,
  staff: StaffUser,
  input: { caseId: string; kind: string; outcome?: string | null; date: string },
): Promise<{ status: "done" } | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isStageKind(input.kind)) return { status: "invalid", errors: { kind: "Select the stage to record" } };
  const outcome = input.outcome === "yes" || input.outcome === "no" ? (input.outcome as Outcome) : undefined;
  if (input.outcome && !outcome) return { status: "invalid", errors: { outcome: "Select yes or no" } };
  if (!isCalendarDate(input.date)) return { status: "invalid", errors: { date: "Enter the date as a real date, like 12 3 2023" } };
  const kind = input.kind;
  const date = input.date;
  const today = todayOf(deps);
  return deps.db.transaction(async (tx) => {
    const row = await lockCase(tx, staff, input.caseId);
    if (!row) return { status: "not-found" } as const;
    const events = (await loadEvents(tx, [row.id])).get(row.id) ?? [];
    const { stages } = stagesAndExceptions(events);
    const next: RecordedStage = { kind, date, ...(outcome ? { outcome } : {}) };
    const check = checkNextStage({ requestDate: row.requestDate, stages, next, today });
    if (!check.ok) return { status: "invalid", errors: { [check.field]: check.message } } as const;
    await recordCaseEvent(tx, { caseId: row.id, kind: "stage-recorded", eventDate: date, at: deps.now, actorId: staff.userId, detail: { stage: kind, ...(outcome ? { outcome } : {}) } });
    await writeCaseloadColumns(tx, row);
    await recordSendAudit(tx, "send-stage-recorded", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
    for (const to of await familyAddresses(tx, row)) {
      await deps.mail(tx, { kind: "stage-recorded", to, stage: kind, ...(outcome ? { outcome } : {}), link: link(deps, "/send") });
    }
    return { status: "done" } as const;
  });
}
