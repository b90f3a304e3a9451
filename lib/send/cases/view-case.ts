/**
 * One case as its caseworkers' page shows it: details, timescales, stages and exceptions, the
 * family's invitations and access, and its history. Reading it writes a "viewed" audit row in
 * the same transaction.
 */
import { and, asc, eq } from "drizzle-orm";
import { sendAccess, sendCases, sendInvitations, users } from "@/db/schema";
import { isStaff } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { inMyTeams } from "@/lib/staff/scope";
import type { CalendarDate } from "../dates";
import { formatCaseNumber, todayOf, type SendDeps, type StaffUser } from "../deps";
import { recordSendAudit } from "../events";
import type { Forbidden, NotFound } from "../results";
import type { CaseStage, DayOneRule, RecordedException, RecordedStage, Timescale } from "../timescales";
import { loadEvents, timescalesOf, type CaseEvent } from "./read-model";

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
