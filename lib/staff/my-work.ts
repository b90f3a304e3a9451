/**
 * "My work": the open referrals assigned to me and the SEND cases I am the caseworker of, in my
 * teams only (someone moved out of a team stops seeing its work, even where still named on it).
 */
import { and, asc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendCases, submissions } from "@/db/schema";
import { displayNames } from "@/lib/referrals/naming";
import { isUuid } from "@/lib/security/uuid";
import { formatCaseNumber } from "@/lib/send/deps";
import { isStaff, type StaffUser } from "@/lib/auth/roles";
import { inMyTeams } from "./scope";
import type { TeamId } from "./teams";

export type MyReferral = { id: string; reference: string; formTitle: string; team: TeamId; peopleNames: string[]; submittedAt: Date; status: string };
export type MyCase = { id: string; number: string; childName: string; requestDate: string; team: TeamId };
export type MyWork = { referrals: MyReferral[]; cases: MyCase[] };

export async function listMyWork(db: Pick<DbOrTx, "select">, staff: StaffUser): Promise<MyWork> {
  if (!isStaff(staff) || !isUuid(staff.userId)) return { referrals: [], cases: [] };
  const [referrals, cases] = await Promise.all([
    db
      .select({ id: submissions.id, reference: submissions.reference, definition: submissions.definition, team: submissions.team, people: submissions.people, submittedAt: submissions.submittedAt, status: submissions.status })
      .from(submissions)
      .where(and(eq(submissions.assignedTo, staff.userId), ne(submissions.status, "closed"), inMyTeams(submissions.team, staff)))
      .orderBy(asc(submissions.submittedAt), asc(submissions.id))
      .limit(500),
    db
      .select({ id: sendCases.id, number: sendCases.number, forename: sendCases.childForename, surname: sendCases.childSurname, requestDate: sendCases.requestDate, team: sendCases.team })
      .from(sendCases)
      .where(and(eq(sendCases.caseworkerId, staff.userId), inMyTeams(sendCases.team, staff)))
      .orderBy(asc(sendCases.requestDate), asc(sendCases.number))
      .limit(500),
  ]);
  return {
    referrals: referrals.map(({ definition, people, ...row }) => ({ ...row, formTitle: (definition as { title?: string }).title ?? row.reference, peopleNames: displayNames(people) })),
    cases: cases.map((row) => ({ id: row.id, number: formatCaseNumber(row.number), childName: `${row.forename} ${row.surname}`, requestDate: row.requestDate, team: row.team })),
  };
}
