/**
 * The referrer's side of "more information": the forms sent back to them, "Add info" (a new
 * draft from the form sent back), and what sending that draft does (called by submitDraft).
 * Owner-scoped like lib/drafts: another user's submission id behaves like one that does not exist.
 * The decisions (the original is closed, the new row is "resubmitted", files) are written at
 * the top of status-rules.ts.
 */
import { and, desc, eq, gt, like, max, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { drafts, referralEvents, submissions, users } from "@/db/schema";
import { copySentFiles, discardCopies, keepCopiesOnDraft } from "@/lib/attachments/sent-copies";
import { startDraft } from "@/lib/drafts/drafts";
import type { Answers, FormDefinition, Person } from "@/lib/forms/types";
import type { ReferralDeps } from "./deps";
import { recordReferralEvent, type ReferralEventDetail } from "./events";
import { baseReference, escapeLike, searchableNames, versionedReference } from "./naming";
import { isUuid } from "@/lib/security/uuid";
import { canTransition, nextStatus, type SubmissionStatus } from "./status-rules";
import type { TeamId } from "@/lib/staff/teams";
import type { NotFound, WrongState } from "@/lib/result";
import { CASE_SYSTEM_NAME, isInformationReason, REASON_LABELS, type InformationReason } from "./vocabulary";

export type AddInfoResult = { status: "started"; draftId: string; isNew: boolean } | NotFound | WrongState<SubmissionStatus>;

/**
 * "Add info": a new draft with the answers, people and form of the owner's submission that was
 * sent back for more information, linked to it (drafts.resubmissionOf). Asking twice gives the
 * same live draft.
 *
 * With `deps.storage`, the draft opens with copies of the files that were sent, made in the same step:
 * the objects are copied first, then the draft and the copies' rows are written in one
 * transaction, so either the draft exists with all its files or nothing does and a retry starts
 * again (lib/attachments/sent-copies.ts). The originals stay on the submission (status-rules.ts).
 */
export async function startAddInfoDraft(
  deps: Pick<ReferralDeps, "db" | "now" | "storage">,
  owner: { userId: string },
  request: { submissionId: string; retentionDays: number },
): Promise<AddInfoResult> {
  const { db, storage } = deps;
  const input = { ownerId: owner.userId, submissionId: request.submissionId, retentionDays: request.retentionDays, now: deps.now };
  if (!isUuid(input.submissionId)) return { status: "not-found" };
  // Nothing is copied for a request that will not make a draft (a second click, a wrong state).
  const before = await addInfoTarget(db, input, false);
  if (before.status !== "new") return before.result;
  const copies = storage ? await copySentFiles({ db, storage }, owner, input) : [];
  try {
    const result = await db.transaction(async (tx): Promise<AddInfoResult> => {
      const target = await addInfoTarget(tx, input, true);
      if (target.status !== "new") return target.result;
      const { original } = target;
      const draft = await startDraft(tx, {
        ownerId: input.ownerId,
        form: original.definition as FormDefinition,
        retentionDays: input.retentionDays,
        now: input.now,
        people: original.people as Person[],
        answers: original.answers as Answers,
      });
      await tx.update(drafts).set({ resubmissionOf: original.id }).where(eq(drafts.id, draft.id));
      await keepCopiesOnDraft(tx, copies, { draftId: draft.id, now: input.now });
      return { status: "started", draftId: draft.id, isNew: true };
    });
    // Another request made the draft meanwhile: these copies are not needed.
    if (storage && (result.status !== "started" || !result.isNew)) await discardCopies(storage, copies);
    return result;
  } catch (error) {
    if (storage) await discardCopies(storage, copies);
    throw error;
  }
}

type AddInfoTarget =
  | { status: "new"; original: { id: string; definition: unknown; people: unknown; answers: unknown } }
  | { status: "done"; result: AddInfoResult };

/** The submission Add info would start from, unless it is not the owner's, not sent back, or already has its live draft. */
async function addInfoTarget(db: DbOrTx, input: { ownerId: string; submissionId: string; now: Date }, lock: boolean): Promise<AddInfoTarget> {
  const query = db
    .select({ id: submissions.id, status: submissions.status, definition: submissions.definition, people: submissions.people, answers: submissions.answers })
    .from(submissions)
    .where(and(eq(submissions.id, input.submissionId), eq(submissions.ownerId, input.ownerId)));
  const [original] = lock ? await query.for("update") : await query;
  if (!original) return { status: "done", result: { status: "not-found" } };
  if (!canTransition("resubmit", original.status)) return { status: "done", result: { status: "wrong-state", current: original.status } };
  const [existing] = await db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(eq(drafts.resubmissionOf, original.id), eq(drafts.ownerId, input.ownerId), gt(drafts.expiresAt, input.now)))
    .orderBy(desc(drafts.startedAt))
    .limit(1);
  if (existing) return { status: "done", result: { status: "started", draftId: existing.id, isNew: false } };
  return { status: "new", original };
}

export type MoreInformationRequest = {
  submissionId: string;
  reference: string;
  formId: string;
  formTitle: string;
  submittedAt: Date;
  /** "Date": when staff asked. */
  requestedAt: Date;
  /** "Requested By": the caseworker's name. */
  requestedBy: string;
  reason: InformationReason | null;
  /** "Detail": the reason's label. */
  reasonLabel: string;
  comments: string;
};

/** "Forms requesting more information": the owner's forms sent back and not yet resubmitted, newest request first. */
export async function listMoreInformationRequests(db: Pick<DbOrTx, "select">, ownerId: string): Promise<MoreInformationRequest[]> {
  const latestRequest = sql`(select ${referralEvents.id} from ${referralEvents}
    where ${referralEvents.submissionId} = ${submissions.id} and ${referralEvents.kind} = 'more-information-requested'
    order by ${referralEvents.at} desc, ${referralEvents.id} desc limit 1)`;
  const rows = await db
    .select({
      submissionId: submissions.id,
      reference: submissions.reference,
      formId: submissions.formId,
      formTitle: sql<string>`${submissions.definition}->>'title'`,
      submittedAt: submissions.submittedAt,
      requestedAt: referralEvents.at,
      detail: referralEvents.detail,
      forename: users.forename,
      surname: users.surname,
    })
    .from(submissions)
    .innerJoin(referralEvents, eq(referralEvents.id, latestRequest))
    // No person when the council's case system asked through the API (then "Case system").
    .leftJoin(users, eq(users.id, referralEvents.actorId))
    .where(and(eq(submissions.ownerId, ownerId), eq(submissions.status, "more-information-requested")))
    .orderBy(desc(referralEvents.at), desc(submissions.id));
  return rows.map((row) => {
    const detail = row.detail as ReferralEventDetail;
    const reason = isInformationReason(detail.reason) ? detail.reason : null;
    return {
      submissionId: row.submissionId,
      reference: row.reference,
      formId: row.formId,
      formTitle: row.formTitle ?? row.formId,
      submittedAt: row.submittedAt,
      requestedAt: row.requestedAt,
      requestedBy: row.forename !== null && row.surname !== null ? `${row.forename} ${row.surname}` : CASE_SYSTEM_NAME,
      reason,
      reasonLabel: reason ? REASON_LABELS[reason] : "",
      comments: detail.comments ?? "",
    };
  });
}

// --- Sending: used by submitDraft, inside its transaction --------------------------------------

type Previous = { id: string; reference: string; status: SubmissionStatus; team: TeamId };

/** What a new submission row gets from the referrals side: its team, names, and for a resubmission its link and version. */
export type SubmissionPlan = {
  reference: string | null;
  status: "submitted" | "resubmitted";
  team: TeamId;
  peopleNames: string;
  previousSubmissionId: string | null;
  version: number;
  previous: Previous | null;
};

/**
 * Call with the locked draft, before inserting the submission. For a draft made by "Add info"
 * it locks the original (the owner's) and works out the next version of its reference; the
 * original is locked until the transaction ends, so two resubmissions cannot take one version.
 */
export async function planSubmission(
  tx: DbOrTx,
  draft: { ownerId: string; resubmissionOf: string | null; people: unknown },
  definition: Pick<FormDefinition, "team">,
): Promise<SubmissionPlan> {
  const peopleNames = searchableNames(Array.isArray(draft.people) ? (draft.people as Person[]) : []);
  const [previous] = draft.resubmissionOf
    ? await tx
        .select({ id: submissions.id, reference: submissions.reference, status: submissions.status, team: submissions.team })
        .from(submissions)
        .where(and(eq(submissions.id, draft.resubmissionOf), eq(submissions.ownerId, draft.ownerId)))
        .for("update")
    : [];
  if (!previous) return { reference: null, status: "submitted", team: definition.team, peopleNames, previousSubmissionId: null, version: 1, previous: null };
  const base = baseReference(previous.reference);
  const [highest] = await tx
    .select({ version: max(submissions.version) })
    .from(submissions)
    .where(or(eq(submissions.reference, base), like(submissions.reference, `${escapeLike(base)}-V%`)));
  const version = (highest?.version ?? 1) + 1;
  return { reference: versionedReference(base, version), status: "resubmitted", team: previous.team, peopleNames, previousSubmissionId: previous.id, version, previous };
}

/** Call after the submission row is inserted: its history, and for a resubmission the original closed and told where it went. */
export async function recordSubmission(
  tx: DbOrTx,
  plan: SubmissionPlan,
  created: { id: string; reference: string; ownerId: string; at: Date },
): Promise<void> {
  const { previous } = plan;
  if (!previous) {
    await recordReferralEvent(tx, { submissionId: created.id, actorId: created.ownerId, kind: "submitted", at: created.at });
    return;
  }
  // One "resubmitted" event on each version, each naming the other, so either history links across.
  const resubmitted = (submissionId: string, detail: ReferralEventDetail) =>
    recordReferralEvent(tx, { submissionId, actorId: created.ownerId, kind: "resubmitted", detail, at: created.at });
  await resubmitted(created.id, { previousSubmissionId: previous.id, previousReference: previous.reference });
  await resubmitted(previous.id, { nextSubmissionId: created.id, nextReference: created.reference });
  const closed = nextStatus("resubmit", previous.status);
  if (closed) {
    await tx
      .update(submissions)
      .set({ status: closed, closedAt: created.at })
      .where(and(eq(submissions.id, previous.id), eq(submissions.status, previous.status)));
  }
}
