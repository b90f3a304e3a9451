/**
 * EHCP cases, for SEND caseworkers: create, list, view, record a stage or an exception. Every
 * function checks the acting user is staff itself, reads cases of the user's teams only (the team
 * condition is in each query: `caseOfMyTeams`; another team's case is "not-found"), and every view and action writes an audit row
 * (and, for a change, a case event) in the same transaction as the change. A case's timescales
 * are computed from its request date and its recorded stages (timescales.ts). Only the list's
 * two columns (stage, next_due: see `writeCaseloadColumns`) are stored, written from the same
 * computation in the transaction of each stage or exception, so the list can page in SQL.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { sendAccess, sendCaseEvents, sendCases, sendInvitations, staffMemberships, users } from "@/db/schema";
import { normaliseEmail } from "@/lib/auth/deps";
import { normaliseSearch } from "@/lib/referrals/naming";
import { isStaff, isUuid } from "@/lib/referrals/staff";
import { CASE_ROLES } from "@/lib/staff/roles";
import { inMyTeams } from "@/lib/staff/scope";
import { compareDates, isCalendarDate, type CalendarDate } from "./dates";
import { formatCaseNumber, link, SEND_TEAM, todayOf, type SendDeps, type StaffUser } from "./deps";
import { recordCaseEvent, recordSendAudit, type SendEventDetail, type SendEventKind } from "./events";
import {
  checkNextStage,
  computeTimescales,
  type CaseStage,
  type DayOneRule,
  type ExceptionReason,
  type ExceptionTimescale,
  type Outcome,
  type RecordedException,
  type RecordedStage,
  type StageKind,
  type Timescale,
} from "./timescales";
import { EXCEPTION_REASONS, STAGE_ORDER } from "./timescales";
import { personNameSchema } from "@/lib/auth/person-name";

export const MAX_NOTE = 2000;

export type FieldErrors = Record<string, string>;
export type Forbidden = { status: "forbidden" };
export type NotFound = { status: "not-found" };
export type Invalid = { status: "invalid"; errors: FieldErrors };

// --- Reading a case's state --------------------------------------------------------------

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

// --- Creating a case ---------------------------------------------------------------------

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Must be ${max} characters or fewer`);

const newCaseSchema = z.object({
  childForename: personNameSchema({ empty: "Enter the child's first name", label: "The child's first name", maxLength: 100 }),
  childSurname: personNameSchema({ empty: "Enter the child's last name", label: "The child's last name", maxLength: 100 }),
  childDateOfBirth: z.string(),
  requestDate: z.string(),
  requestorName: personNameSchema({ empty: "Enter the requestor's name", label: "The requestor's name", maxLength: 200 }),
  requestorRelationship: text(100, "Enter the requestor's relationship to the child"),
  requestorEmail: z.string().trim().max(254, "Must be 254 characters or fewer").email("Enter an email address in the correct format, like name@example.com"),
  caseworkerId: z.string(),
});

export type NewCaseInput = z.input<typeof newCaseSchema>;

/** A row whose case (by `caseId`) is one of the acting staff member's teams': the scope of every staff SEND query. */
export const caseOfMyTeams = (caseId: AnyPgColumn, staff: StaffUser) =>
  sql`${caseId} in (select ${sendCases.id} from ${sendCases} where ${inMyTeams(sendCases.team, staff)})`;

/** The caseworkers of the SEND team a case may be given to; none for staff outside that team. */
export async function listCaseworkers(db: DbOrTx, staff: StaffUser): Promise<{ id: string; name: string }[]> {
  if (!isStaff(staff)) return [];
  const rows = await db
    .select({ id: users.id, forename: users.forename, surname: users.surname })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.teamId, SEND_TEAM), inArray(staffMemberships.role, [...CASE_ROLES]), inMyTeams(staffMemberships.teamId, staff)))
    .orderBy(asc(users.surname), asc(users.forename));
  return rows.map((row) => ({ id: row.id, name: `${row.forename} ${row.surname}` }));
}

/**
 * A new case. The request date must be a real date and not in the future; the date of birth
 * must be a real date before the request. The case keeps the council's day-one rule of today.
 */
export async function createCase(deps: SendDeps, staff: StaffUser, input: NewCaseInput): Promise<{ status: "created"; caseId: string; number: string } | Invalid | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  const errors: FieldErrors = {};
  const parsed = newCaseSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      errors[key] ??= issue.message;
    }
  }
  const today = todayOf(deps);
  const dob = input.childDateOfBirth;
  const requestDate = input.requestDate;
  if (!isCalendarDate(dob)) errors.childDateOfBirth = "Enter the child's date of birth as a real date, like 27 3 2015";
  else if (compareDates(dob, today) > 0) errors.childDateOfBirth = "The date of birth must be in the past";
  if (!isCalendarDate(requestDate)) errors.requestDate = "Enter the date the request was received as a real date, like 30 1 2023";
  else if (compareDates(requestDate, today) > 0) errors.requestDate = "The date the request was received cannot be in the future";
  else if (isCalendarDate(dob) && compareDates(requestDate, dob) < 0) errors.requestDate = "The date the request was received must be after the child's date of birth";
  // The SEND team's own members list includes the actor: empty means the actor is not in that team.
  const caseworkers = await listCaseworkers(deps.db, staff);
  if (caseworkers.length === 0) return { status: "forbidden" };
  if (!caseworkers.some((caseworker) => caseworker.id === input.caseworkerId)) errors.caseworkerId = "Select the SEND caseworker for this case";
  if (Object.keys(errors).length > 0 || !parsed.success) return { status: "invalid", errors };
  const values = parsed.data;
  return deps.db.transaction(async (tx) => {
    const [creator] = await tx.select({ councilId: users.councilId }).from(users).where(eq(users.id, staff.userId));
    if (!creator) return { status: "forbidden" } as const;
    const [row] = await tx
      .insert(sendCases)
      .values({
        councilId: creator.councilId,
        team: SEND_TEAM,
        childForename: values.childForename,
        childSurname: values.childSurname,
        childDateOfBirth: dob,
        childName: normaliseSearch(`${values.childForename} ${values.childSurname}`).toLowerCase(),
        requestDate,
        requestorName: values.requestorName,
        requestorRelationship: values.requestorRelationship,
        requestorEmail: values.requestorEmail,
        caseworkerId: values.caseworkerId,
        teamContact: deps.council.send.teamContact,
        dayOneRule: deps.council.send.dayOneRule,
        createdAt: deps.now,
        createdBy: staff.userId,
        ...caseloadColumnsOf({ requestDate, dayOneRule: deps.council.send.dayOneRule }, []),
      })
      .returning({ id: sendCases.id, number: sendCases.number });
    if (!row) throw new Error("case insert returned no row");
    await recordCaseEvent(tx, { caseId: row.id, kind: "case-created", eventDate: requestDate, at: deps.now, actorId: staff.userId });
    await recordSendAudit(tx, "send-case-created", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
    return { status: "created", caseId: row.id, number: formatCaseNumber(row.number) } as const;
  });
}

// --- One case ----------------------------------------------------------------------------

export type InvitationView = {
  id: string;
  email: string;
  status: typeof sendInvitations.$inferSelect.status;
  createdAt: Date;
  codeExpiresAt: Date;
  wrongCodes: number;
  verifiedAt: Date | null;
  linkExpiresAt: Date | null;
  claimedAt: Date | null;
  answeredAt: Date | null;
};

export type AccessView = { id: string; userId: string; name: string; email: string; status: "pending" | "active" | "revoked"; acceptedAt: Date; activatedAt: Date | null; revokedAt: Date | null };

export type CaseView = {
  id: string;
  number: string;
  /** The team that runs it (its managers may give it to another caseworker of the team). */
  team: string;
  child: { forename: string; surname: string; dateOfBirth: CalendarDate };
  requestDate: CalendarDate;
  requestor: { name: string; relationship: string; email: string };
  caseworker: { id: string; name: string; email: string };
  teamContact: string;
  dayOneRule: DayOneRule;
  stage: CaseStage;
  stages: RecordedStage[];
  exceptions: RecordedException[];
  timescales: Timescale[];
  nextDue: CalendarDate | null;
  overdue: boolean;
  /** Oldest first. */
  events: CaseEvent[];
  invitations: InvitationView[];
  access: AccessView[];
};

/** The case with everything the caseworker's page shows; writes a "viewed" audit row. */
export async function viewCase(deps: SendDeps, staff: StaffUser, caseId: string): Promise<{ status: "found"; case: CaseView } | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(caseId)) return { status: "not-found" };
  const today = todayOf(deps);
  return deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ row: sendCases, caseworker: { id: users.id, forename: users.forename, surname: users.surname, email: users.email } })
      .from(sendCases)
      .innerJoin(users, eq(users.id, sendCases.caseworkerId))
      .where(and(eq(sendCases.id, caseId), inMyTeams(sendCases.team, staff)));
    if (!found) return { status: "not-found" } as const;
    await recordSendAudit(tx, "send-case-viewed", { userId: staff.userId, caseId, ip: staff.ip }, deps.now);
    const [events, invitations, access] = await Promise.all([
      loadEvents(tx, [caseId]).then((map) => map.get(caseId) ?? []),
      tx.select().from(sendInvitations).where(eq(sendInvitations.caseId, caseId)).orderBy(asc(sendInvitations.createdAt)),
      tx
        .select({ access: sendAccess, forename: users.forename, surname: users.surname, email: users.email })
        .from(sendAccess)
        .innerJoin(users, eq(users.id, sendAccess.userId))
        .where(eq(sendAccess.caseId, caseId))
        .orderBy(asc(sendAccess.acceptedAt)),
    ]);
    const { row, caseworker } = found;
    const computed = timescalesOf(row, events, today);
    return {
      status: "found",
      case: {
        id: row.id,
        number: formatCaseNumber(row.number),
        team: row.team,
        child: { forename: row.childForename, surname: row.childSurname, dateOfBirth: row.childDateOfBirth },
        requestDate: row.requestDate,
        requestor: { name: row.requestorName, relationship: row.requestorRelationship, email: row.requestorEmail },
        caseworker: { id: caseworker.id, name: `${caseworker.forename} ${caseworker.surname}`, email: caseworker.email },
        teamContact: row.teamContact,
        dayOneRule: row.dayOneRule,
        stage: computed.stage,
        stages: computed.stages,
        exceptions: computed.exceptions,
        timescales: computed.timescales,
        nextDue: computed.nextDue,
        overdue: computed.overdue,
        events,
        invitations: invitations.map((invitation) => ({
          id: invitation.id,
          email: invitation.email,
          status: invitation.status,
          createdAt: invitation.createdAt,
          codeExpiresAt: invitation.codeExpiresAt,
          wrongCodes: invitation.wrongCodes,
          verifiedAt: invitation.verifiedAt,
          linkExpiresAt: invitation.linkExpiresAt,
          claimedAt: invitation.claimedAt,
          answeredAt: invitation.answeredAt,
        })),
        access: access.map(({ access: item, forename, surname, email }) => ({
          id: item.id,
          userId: item.userId,
          name: `${forename} ${surname}`,
          email,
          status: item.status,
          acceptedAt: item.acceptedAt,
          activatedAt: item.activatedAt,
          revokedAt: item.revokedAt,
        })),
      },
    } as const;
  });
}

/** Locks the case row for a change; null when there is no such case in the staff member's teams. */
export async function lockCase(tx: DbOrTx, staff: StaffUser, caseId: string): Promise<CaseRow | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await tx
    .select()
    .from(sendCases)
    .where(and(eq(sendCases.id, caseId), inMyTeams(sendCases.team, staff)))
    .for("update");
  return row ?? null;
}

/**
 * The addresses a case's news goes to: everyone with active access; before anyone has ever had
 * access (none pending, active or revoked), the requestor. A revoked parent gets nothing.
 */
export async function familyAddresses(tx: DbOrTx, row: CaseRow): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email, status: sendAccess.status })
    .from(sendAccess)
    .innerJoin(users, eq(users.id, sendAccess.userId))
    .where(eq(sendAccess.caseId, row.id));
  const addresses = rows.length > 0 ? rows.filter((item) => item.status === "active").map((item) => item.email) : [row.requestorEmail];
  return [...new Map(addresses.map((address) => [normaliseEmail(address), address])).values()];
}

// --- Recording stages and exceptions -----------------------------------------------------

export const isStageKind = (value: unknown): value is StageKind => typeof value === "string" && (STAGE_ORDER as string[]).includes(value);
export const isExceptionReason = (value: unknown): value is ExceptionReason => typeof value === "string" && value in EXCEPTION_REASONS;
export const EXCEPTION_TIMESCALES: ExceptionTimescale[] = ["assess-decision", "plan-decision", "final-plan"];
export const isExceptionTimescale = (value: unknown): value is ExceptionTimescale => typeof value === "string" && (EXCEPTION_TIMESCALES as string[]).includes(value);

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
