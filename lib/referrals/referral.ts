/**
 * One referral, for staff: reading it (which is recorded) and the actions on it. Each action
 * locks the row (SELECT ... FOR UPDATE), checks the status table (status-rules.ts), changes the
 * row and writes a referral event and an audit row, all in one transaction; the referrer's email
 * (respond, request information) is queued by `deps.mail` in that transaction too (deps.ts), so if
 * anything fails nothing is written and no email goes. Every read and every lock has the acting staff
 * member's teams in its WHERE (lib/staff/scope.ts): another team's referral is "not-found".
 *
 * Respond, request information and close can also be done by the council's case system through
 * the pull API (issue 17 point 4): the actor is then its API key with the key's teams
 * (`CaseSystemActor`), the same status rules and messages apply, the referral event carries the
 * key's id instead of a person's, and the audit row names the key in its detail.
 */
import { and, asc, eq, inArray, like, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { apiKeys, attachments, auditEvents, referralEvents, submissions, users } from "@/db/schema";
import type { Answers, FormDefinition, Person } from "@/lib/forms/types";
import { recordReferralEvent, recordStaffAudit, type ReferralEventDetail, type ReferralEventKind, type StaffAuditEvent } from "./events";
import { isStaff, type StaffUser } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { nextStatus, type ReferralAction, type SubmissionStatus } from "./status-rules";
import { inMyTeams } from "@/lib/staff/scope";
import { teamExists, type TeamId } from "@/lib/staff/teams";
import { baseReference, escapeLike } from "./naming";
import { CASE_SYSTEM_NAME, isInformationReason, MAX_STAFF_TEXT, type InformationReason } from "./vocabulary";
import type { ReferralDeps, ReferralEmail, ReferralMailer } from "./deps";
import { invalid, type Done, type Forbidden, type Invalid, type NotFound, type WrongState } from "@/lib/result";

export type VersionLink = { id: string; reference: string; version: number; status: SubmissionStatus; submittedAt: Date };

/** The council's case system acting through the pull API: its key and the teams the key may answer for. */
export type CaseSystemActor = { kind: "case-system"; apiKeyId: string; teams: readonly TeamId[]; ip?: string | null };

/** Who may act on a referral: a staff member, or (respond, request information, close) the case system. */
export type ReferralActor = StaffUser | CaseSystemActor;

const isCaseSystem = (actor: ReferralActor): actor is CaseSystemActor => "kind" in actor && actor.kind === "case-system";

export type HistoryEntry = {
  id: string;
  at: Date;
  kind: ReferralEventKind;
  actor: { id: string; name: string; role: string };
  detail: ReferralEventDetail;
};

export type Referral = {
  id: string;
  reference: string;
  version: number;
  status: SubmissionStatus;
  team: TeamId;
  /** The caseworker a team manager gave it to. */
  assignedTo: { id: string; name: string } | null;
  formId: string;
  formTitle: string;
  /** The definition frozen with the answers. */
  definition: FormDefinition;
  people: Person[];
  answers: Answers;
  submittedAt: Date;
  response: string | null;
  respondedAt: Date | null;
  closedAt: Date | null;
  /** When retention deleted its answers, people and files (lib/delivery/retention.ts); null while they are kept. */
  purgedAt: Date | null;
  referrer: { id: string; forename: string; surname: string; email: string; organisation: string | null };
  /** The files sent with this version (earlier versions' files are on `previous`). */
  files: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
  /** Oldest first; includes the view just recorded. */
  history: HistoryEntry[];
  /** The version this one resubmits, if any. */
  previous: VersionLink | null;
  /** The resubmissions of this one (normally at most one). */
  next: VersionLink[];
};

export type ViewResult = { status: "found"; referral: Referral } | NotFound | Forbidden;

/** A referral with everything the staff page shows; records a "viewed" event and an audit row. Only in the staff member's teams. */
export async function viewReferral(deps: Pick<ReferralDeps, "db" | "now">, staff: StaffUser, id: string): Promise<ViewResult> {
  const { now } = deps;
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(id)) return { status: "not-found" };
  return deps.db.transaction(async (tx): Promise<ViewResult> => {
    const assignee = alias(users, "assignee");
    const [row] = await tx
      .select({
        submission: submissions,
        owner: { id: users.id, forename: users.forename, surname: users.surname, email: users.email, organisation: users.organisation },
        assignee: { id: assignee.id, forename: assignee.forename, surname: assignee.surname },
      })
      .from(submissions)
      .innerJoin(users, eq(users.id, submissions.ownerId))
      .leftJoin(assignee, eq(assignee.id, submissions.assignedTo))
      .where(and(eq(submissions.id, id), inMyTeams(submissions.team, staff)));
    if (!row) return { status: "not-found" };
    await recordReferralEvent(tx, { submissionId: id, actorId: staff.userId, kind: "viewed", at: now });
    await recordStaffAudit(tx, "referral-viewed", { userId: staff.userId, submissionId: id, ip: staff.ip }, now);

    const { submission, owner, assignee: assigned } = row;
    const [files, history, previous, next] = await Promise.all([
      tx
        .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes })
        .from(attachments)
        .where(eq(attachments.submissionId, id))
        .orderBy(asc(attachments.createdAt), asc(attachments.id)),
      historyOf(tx, id),
      submission.previousSubmissionId ? versionLinks(tx, staff, eq(submissions.id, submission.previousSubmissionId)) : Promise.resolve([]),
      versionLinks(tx, staff, eq(submissions.previousSubmissionId, id)),
    ]);
    const definition = submission.definition as FormDefinition;
    return {
      status: "found",
      referral: {
        id: submission.id,
        reference: submission.reference,
        version: submission.version,
        status: submission.status,
        team: submission.team,
        assignedTo: assigned ? { id: assigned.id, name: `${assigned.forename} ${assigned.surname}` } : null,
        formId: submission.formId,
        formTitle: definition.title,
        definition,
        people: submission.people as Person[],
        answers: submission.answers as Answers,
        submittedAt: submission.submittedAt,
        response: submission.response,
        respondedAt: submission.respondedAt,
        closedAt: submission.closedAt,
        purgedAt: submission.purgedAt,
        referrer: owner,
        files,
        history,
        previous: previous[0] ?? null,
        next,
      },
    };
  });
}

async function historyOf(db: DbOrTx, submissionId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      id: referralEvents.id,
      at: referralEvents.at,
      kind: referralEvents.kind,
      detail: referralEvents.detail,
      user: { id: users.id, forename: users.forename, surname: users.surname, role: users.role },
      key: { id: apiKeys.id, name: apiKeys.name },
    })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.actorId))
    .leftJoin(apiKeys, eq(apiKeys.id, referralEvents.apiKeyId))
    .where(eq(referralEvents.submissionId, submissionId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    kind: row.kind as ReferralEventKind,
    detail: row.detail as ReferralEventDetail,
    actor: row.user
      ? { id: row.user.id, name: `${row.user.forename} ${row.user.surname}`, role: row.user.role }
      : { id: row.key?.id ?? "", name: row.key ? `${CASE_SYSTEM_NAME} (${row.key.name})` : CASE_SYSTEM_NAME, role: "case-system" },
  }));
}

/** Other versions of a referral, in the staff member's teams only. */
function versionLinks(db: DbOrTx, staff: StaffUser, where: SQL): Promise<VersionLink[]> {
  return db
    .select({ id: submissions.id, reference: submissions.reference, version: submissions.version, status: submissions.status, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(and(where, inMyTeams(submissions.team, staff)))
    .orderBy(asc(submissions.version), asc(submissions.submittedAt));
}

// --- Actions -------------------------------------------------------------------------------

/** `invalid`: the input itself is wrong (an empty response, an unknown reason or team, the team it is already in), keyed by its field. */
export type ActionResult = Done | NotFound | WrongState<SubmissionStatus> | Forbidden | Invalid;

type Locked = { id: string; reference: string; status: SubmissionStatus; team: TeamId; formTitle: string; referrer: { id: string; email: string; forename: string; surname: string } };

type Plan = {
  set: Partial<typeof submissions.$inferInsert>;
  kind: ReferralEventKind;
  audit: StaffAuditEvent;
  detail: ReferralEventDetail;
  /** The referrer's email about the change, queued in its transaction. */
  email?: ReferralEmail;
};

/** The acting one's teams, for the WHERE of the lock. */
function actorScope(actor: ReferralActor): SQL {
  return isCaseSystem(actor) ? inArray(submissions.team, [...actor.teams]) : inMyTeams(submissions.team, actor);
}

/** The referral event and the audit row of a change, naming the person or the case system's key. */
async function recordAction(tx: DbOrTx, actor: ReferralActor, submissionId: string, planned: Plan, at: Date): Promise<void> {
  if (isCaseSystem(actor)) {
    await recordReferralEvent(tx, { submissionId, actorId: null, apiKeyId: actor.apiKeyId, kind: planned.kind, detail: planned.detail, at });
    await tx.insert(auditEvents).values({ event: planned.audit, at, userId: null, subjectId: submissionId, ip: actor.ip ?? null, detail: { apiKeyId: actor.apiKeyId } });
    return;
  }
  await recordReferralEvent(tx, { submissionId, actorId: actor.userId, kind: planned.kind, detail: planned.detail, at });
  await recordStaffAudit(tx, planned.audit, { userId: actor.userId, submissionId, ip: actor.ip }, at);
}

async function act(
  deps: Pick<ReferralDeps, "db" | "now"> & { mail?: ReferralMailer },
  actor: ReferralActor,
  input: { id: string },
  action: Exclude<ReferralAction, "resubmit">,
  plan: (row: Locked, tx: DbOrTx) => Plan | Invalid | Promise<Plan | Invalid>,
): Promise<ActionResult> {
  if (isCaseSystem(actor) ? actor.teams.length === 0 : !isStaff(actor)) return { status: "forbidden" };
  if (!isUuid(input.id)) return { status: "not-found" };
  return deps.db.transaction(async (tx): Promise<ActionResult> => {
    const [row] = await tx
      .select({
        id: submissions.id,
        reference: submissions.reference,
        status: submissions.status,
        team: submissions.team,
        definition: submissions.definition,
        referrer: { id: users.id, email: users.email, forename: users.forename, surname: users.surname },
      })
      .from(submissions)
      .innerJoin(users, eq(users.id, submissions.ownerId))
      .where(and(eq(submissions.id, input.id), actorScope(actor)))
      .for("update", { of: submissions });
    if (!row) return { status: "not-found" };
    const status = nextStatus(action, row.status);
    if (!status) return { status: "wrong-state", current: row.status };
    const locked: Locked = { ...row, formTitle: (row.definition as FormDefinition).title };
    const planned = await plan(locked, tx);
    if ("status" in planned) return planned;

    await tx
      .update(submissions)
      .set({ ...planned.set, status })
      .where(and(eq(submissions.id, row.id), eq(submissions.status, row.status)));
    await recordAction(tx, actor, row.id, planned, deps.now);
    if (planned.email) {
      if (!deps.mail) throw new Error(`referral ${action} needs deps.mail`);
      await deps.mail(tx, planned.email);
    }
    return { status: "done" };
  });
}

const cleanText = (text: unknown) => (typeof text === "string" ? text.replace(/\r\n/g, "\n").trim() : "");

/** The referrer's email about this referral, without what it says (the kind's own fields). */
const aboutReferral = (row: Locked) => ({ to: row.referrer.email, forename: row.referrer.forename, formTitle: row.formTitle, reference: row.reference });

/** "Post a response": submitted or resubmitted → response-posted; the referrer is emailed. */
export function respond(deps: ReferralDeps, actor: ReferralActor, input: { id: string; response: string }): Promise<ActionResult> {
  const response = cleanText(input.response);
  return act(deps, actor, input, "respond", (row) => {
    if (!response) return invalid("response", "Enter a response");
    if (response.length > MAX_STAFF_TEXT) return invalid("response", `The response must be ${MAX_STAFF_TEXT} characters or fewer`);
    return { set: { response, respondedAt: deps.now }, kind: "responded", audit: "referral-responded", detail: {}, email: { kind: "response-posted", ...aboutReferral(row) } };
  });
}

/** "Request more information" with a reason and comments: submitted or resubmitted → more-information-requested; the referrer is emailed the reason, never the comments. */
export function requestInformation(deps: ReferralDeps, actor: ReferralActor, input: { id: string; reason: InformationReason; comments: string }): Promise<ActionResult> {
  const comments = cleanText(input.comments);
  const reason = input.reason;
  return act(deps, actor, input, "request-information", (row) => {
    if (!isInformationReason(reason)) return invalid("reason", "Select a reason");
    if (reason === "other" && !comments) return invalid("comments", "Enter comments to say what information is needed");
    if (comments.length > MAX_STAFF_TEXT) return invalid("comments", `Comments must be ${MAX_STAFF_TEXT} characters or fewer`);
    return {
      set: {},
      kind: "more-information-requested",
      audit: "referral-information-requested",
      detail: { reason, comments },
      email: { kind: "more-information-requested", ...aboutReferral(row), reason },
    };
  });
}

/** "Close": from any status but closed. The referrer is not emailed. */
export function close(deps: Pick<ReferralDeps, "db" | "now">, actor: ReferralActor, input: { id: string }): Promise<ActionResult> {
  return act(deps, actor, input, "close", () => ({ set: { closedAt: deps.now }, kind: "closed", audit: "referral-closed", detail: {} }));
}

/**
 * "Move to another team": the status stays; not on a closed referral. It hands the referral over:
 * every version of it goes to the new team and loses its assignee, so the old team no longer sees
 * it (unless the mover is in both teams). The referrer is not emailed.
 */
export function moveTeam(deps: Pick<ReferralDeps, "db" | "now">, staff: StaffUser, input: { id: string; team: TeamId }): Promise<ActionResult> {
  const toTeam = input.team;
  return act(deps, staff, input, "move-team", async (row, tx) => {
    if (!(await teamExists(tx, toTeam))) return invalid("team", "Select a team");
    if (toTeam === row.team) return invalid("team", "The referral is already with that team");
    const base = baseReference(row.reference);
    await tx
      .update(submissions)
      .set({ team: toTeam, assignedTo: null })
      .where(and(or(eq(submissions.reference, base), like(submissions.reference, `${escapeLike(base)}-V%`)), eq(submissions.team, row.team)));
    return { set: { team: toTeam, assignedTo: null }, kind: "moved", audit: "referral-moved", detail: { fromTeam: row.team, toTeam } };
  });
}
