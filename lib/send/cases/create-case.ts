/**
 * Creating a case: a caseworker of the SEND team opens one for a child, with the date the request
 * was received, the requestor and the caseworker. The case keeps the council's day-one rule and
 * team contact of the day it was made; its first event is "case-created" on the request date.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { EMAIL_MAX_LENGTH, emailAddressSchema } from "@/lib/mail/email-address";
import type { DbOrTx } from "@/db/client";
import { sendCases, staffMemberships, users } from "@/db/schema";
import { personNameSchema } from "@/lib/auth/person-name";
import { normaliseSearch } from "@/lib/referrals/naming";
import { isStaff } from "@/lib/auth/roles";
import { CASE_ROLES } from "@/lib/staff/roles";
import { inMyTeams } from "@/lib/staff/scope";
import { compareDates, isCalendarDate } from "../dates";
import { formatCaseNumber, SEND_TEAM, todayOf, type SendDeps, type StaffUser } from "../deps";
import { recordCaseEvent, recordSendAudit } from "../events";
import type { FieldErrors, Forbidden, Invalid, SendResult } from "../results";
import { caseloadColumnsOf } from "./read-model";

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Must be ${max} characters or fewer`);

const newCaseSchema = z.object({
  childForename: personNameSchema({ empty: "Enter the child's first name", label: "The child's first name", maxLength: 100 }),
  childSurname: personNameSchema({ empty: "Enter the child's last name", label: "The child's last name", maxLength: 100 }),
  childDateOfBirth: z.string(),
  requestDate: z.string(),
  requestorName: personNameSchema({ empty: "Enter the requestor's name", label: "The requestor's name", maxLength: 200 }),
  requestorRelationship: text(100, "Enter the requestor's relationship to the child"),
  requestorEmail: z.string().trim().max(EMAIL_MAX_LENGTH, `Must be ${EMAIL_MAX_LENGTH} characters or fewer`).pipe(emailAddressSchema()),
  caseworkerId: z.string(),
});

export type NewCaseInput = z.input<typeof newCaseSchema>;

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
export async function createCase(deps: SendDeps, staff: StaffUser, input: NewCaseInput): Promise<SendResult<{ caseId: string; number: string }, Invalid | Forbidden>> {
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
    return { status: "done", caseId: row.id, number: formatCaseNumber(row.number) } as const;
  });
}
