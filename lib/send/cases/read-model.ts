/**
 * A case's state as the SEND side reads it: its recorded stages and exceptions come from its
 * events (send_case_events, oldest first), and its timescales are computed from those and its
 * request date (timescales.ts). Only the caseworkers' list's two columns (stage, next_due: see
 * `writeCaseloadColumns`) are stored, written from the same computation in the transaction of
 * each stage or exception, so the list can page in SQL.
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendCaseEvents, sendCases, users } from "@/db/schema";
import type { CalendarDate } from "../dates";
import type { SendEventDetail, SendEventKind } from "../events";
import { computeTimescales, type CaseStage, type RecordedException, type RecordedStage } from "../timescales";

export type CaseRow = typeof sendCases.$inferSelect;

export type CaseEvent = { id: string; kind: SendEventKind; eventDate: CalendarDate; at: Date; detail: SendEventDetail; actorName: string | null };

export type CaseState = {
  row: CaseRow;
  stages: RecordedStage[];
  exceptions: RecordedException[];
  events: CaseEvent[];
};

/** The stages and exceptions recorded on cases, oldest first, from their events. */
export function stagesAndExceptions(events: Pick<CaseEvent, "kind" | "eventDate" | "detail">[]): { stages: RecordedStage[]; exceptions: RecordedException[] } {
  const stages: RecordedStage[] = [];
  const exceptions: RecordedException[] = [];
  for (const event of events) {
    if (event.kind === "stage-recorded" && event.detail.stage) {
      stages.push({ kind: event.detail.stage, date: event.eventDate, ...(event.detail.outcome ? { outcome: event.detail.outcome } : {}) });
    } else if (event.kind === "exception-recorded" && event.detail.timescale && event.detail.reason) {
      exceptions.push({ timescale: event.detail.timescale, reason: event.detail.reason, note: event.detail.note ?? "", recordedOn: event.eventDate });
    }
  }
  return { stages, exceptions };
}

export async function loadEvents(db: DbOrTx, caseIds: string[]): Promise<Map<string, CaseEvent[]>> {
  const byCase = new Map<string, CaseEvent[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select({
      id: sendCaseEvents.id,
      caseId: sendCaseEvents.caseId,
      kind: sendCaseEvents.kind,
      eventDate: sendCaseEvents.eventDate,
      at: sendCaseEvents.at,
      detail: sendCaseEvents.detail,
      forename: users.forename,
      surname: users.surname,
    })
    .from(sendCaseEvents)
    .leftJoin(users, eq(users.id, sendCaseEvents.actorId))
    .where(inArray(sendCaseEvents.caseId, caseIds))
    .orderBy(asc(sendCaseEvents.seq));
  for (const row of rows) {
    const list = byCase.get(row.caseId) ?? [];
    list.push({
      id: row.id,
      kind: row.kind as SendEventKind,
      eventDate: row.eventDate,
      at: row.at,
      detail: row.detail as SendEventDetail,
      actorName: row.forename ? `${row.forename} ${row.surname}` : null,
    });
    byCase.set(row.caseId, list);
  }
  return byCase;
}

export function timescalesOf(row: Pick<CaseRow, "requestDate" | "dayOneRule">, events: Pick<CaseEvent, "kind" | "eventDate" | "detail">[], today: CalendarDate) {
  const { stages, exceptions } = stagesAndExceptions(events);
  return { stages, exceptions, ...computeTimescales({ requestDate: row.requestDate, rule: row.dayOneRule, stages, exceptions, today }) };
}

/**
 * The case's stage and next due date as the caseworkers' list stores them (send_cases.stage,
 * next_due). Neither depends on today: a deadline is pending until it is met, excused by an
 * exception or made unnecessary by a "no" decision, whatever the date; only "overdue" does
 * (next_due before today), and the list works that out when it reads. So any day will do here.
 */
export function caseloadColumnsOf(row: Pick<CaseRow, "requestDate" | "dayOneRule">, events: Pick<CaseEvent, "kind" | "eventDate" | "detail">[]): { stage: CaseStage; nextDue: CalendarDate | null } {
  const { stage, nextDue } = timescalesOf(row, events, row.requestDate);
  return { stage, nextDue };
}

/** Re-works out the list's columns of a case from its events: call it in the transaction that adds a stage or an exception. */
export async function writeCaseloadColumns(tx: DbOrTx, row: Pick<CaseRow, "id" | "requestDate" | "dayOneRule">): Promise<void> {
  const events = (await loadEvents(tx, [row.id])).get(row.id) ?? [];
  await tx.update(sendCases).set(caseloadColumnsOf(row, events)).where(eq(sendCases.id, row.id));
}
