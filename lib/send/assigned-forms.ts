/**
 * Actions to Complete: forms the SEND team assigns to a family (issue 9). The caseworker assigns
 * one of the form engine's SEND forms (catalogue `assignableSendForms`) with an optional due
 * date. A family member opens it: they get a draft of that form about the child, filled in on
 * the engine's own pages (numbered sections, Save for later, Create PDF, Submit). Sending the
 * draft links the submission to the assignment (in the submission's transaction) and takes it
 * off the family's list; the caseworker is emailed and sees the answers on the case.
 *
 * The family side reads only through caseForFamily (access.ts), like everything on a case.
 */
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { inMyTeams } from "@/lib/staff/scope";
import type { DbOrTx } from "@/db/client";
import { drafts, sendActions, sendCases, submissions, users } from "@/db/schema";
import { startDraft } from "@/lib/drafts/drafts";
import { assignableSendForms, formById } from "@/lib/forms/catalogue";
import { isStaff } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { caseForFamily, type FamilyCase } from "./access";
import { familyAddresses, lockCase, type Done, type Forbidden, type Invalid, type NotFound, type WrongState } from "./cases";
import { compareDates, isCalendarDate, type CalendarDate } from "./dates";
import { formatCaseNumber, link, todayOf, type FamilyUser, type SendDeps, type StaffUser } from "./deps";
import { recordCaseEvent, recordSendAudit } from "./events";
import type { SendEmail } from "./mail-port";

const formTitle = (formId: string) => formById(formId)?.title ?? formId;

/** Assigns a SEND form to the case; the family is emailed that a form is waiting. */
export async function assignForm(
  deps: SendDeps,
  staff: StaffUser,
  input: { caseId: string; formId: string; dueDate?: string | null },
): Promise<{ status: "done"; actionId: string } | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  const errors: Record<string, string> = {};
  if (!assignableSendForms().some((form) => form.id === input.formId)) errors.formId = "Select the form to assign";
  const dueDate = input.dueDate ? input.dueDate : null;
  if (dueDate !== null && !isCalendarDate(dueDate)) errors.dueDate = "Enter the due date as a real date, like 30 6 2027";
  else if (dueDate !== null && compareDates(dueDate, todayOf(deps)) < 0) errors.dueDate = "The due date cannot be in the past";
  if (Object.keys(errors).length > 0) return { status: "invalid", errors };
  return deps.db.transaction(async (tx) => {
    const row = await lockCase(tx, staff, input.caseId);
    if (!row) return { status: "not-found" } as const;
    const [created] = await tx
      .insert(sendActions)
      .values({ caseId: row.id, formId: input.formId, dueDate, assignedAt: deps.now, assignedBy: staff.userId })
      .returning({ id: sendActions.id });
    await recordCaseEvent(tx, { caseId: row.id, kind: "action-assigned", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { actionId: created!.id, formId: input.formId } });
    await recordSendAudit(tx, "send-action-assigned", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
    for (const to of await familyAddresses(tx, row)) await deps.mail(tx, { kind: "action-assigned", to, link: link(deps, `/send/${row.id}/actions`) });
    return { status: "done", actionId: created!.id } as const;
  });
}

/** Takes an unsent assignment back (the family's draft, if any, stays theirs in Recover a form). */
export async function withdrawAssignedForm(deps: SendDeps, staff: StaffUser, input: { caseId: string; actionId: string }): Promise<{ status: "done" } | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(input.actionId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const row = await lockCase(tx, staff, input.caseId);
    if (!row) return { status: "not-found" } as const;
    const [action] = await tx.select().from(sendActions).where(and(eq(sendActions.id, input.actionId), eq(sendActions.caseId, row.id))).for("update");
    if (!action) return { status: "not-found" } as const;
    if (action.completedAt || action.withdrawnAt) return { status: "invalid", errors: { action: "This form has already been sent or withdrawn" } } as const;
    await tx.update(sendActions).set({ withdrawnAt: deps.now }).where(eq(sendActions.id, action.id));
    await recordCaseEvent(tx, { caseId: row.id, kind: "action-withdrawn", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { actionId: action.id, formId: action.formId } });
    await recordSendAudit(tx, "send-action-withdrawn", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
    return { status: "done" } as const;
  });
}

export type AssignedFormForStaff = {
  id: string;
  formId: string;
  title: string;
  dueDate: CalendarDate | null;
  assignedAt: Date;
  status: "waiting" | "in-progress" | "sent" | "withdrawn";
  startedBy: string | null;
  completedAt: Date | null;
  submission: { id: string; reference: string } | null;
};

export type AssignedFormsForStaff = { status: "found"; case: { id: string; number: string; childName: string }; items: AssignedFormForStaff[] };

/**
 * A case's assignments for the caseworker, newest first, with the case's number and child, and the
 * sent form's reference (its answers, files and PDF are on the staff referral page). The view is
 * audited like every other staff view; an unknown case is not found.
 */
export async function listAssignedFormsForStaff(deps: SendDeps, staff: StaffUser, caseId: string): Promise<AssignedFormsForStaff | Forbidden | NotFound> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(caseId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select({ number: sendCases.number, forename: sendCases.childForename, surname: sendCases.childSurname }).from(sendCases).where(and(eq(sendCases.id, caseId), inMyTeams(sendCases.team, staff)));
    if (!row) return { status: "not-found" } as const;
    await recordSendAudit(tx, "send-case-viewed", { userId: staff.userId, caseId, ip: staff.ip, detail: { view: "actions" } }, deps.now);
    const rows = await tx
      .select({ action: sendActions, reference: submissions.reference, starter: { forename: users.forename, surname: users.surname } })
      .from(sendActions)
      .leftJoin(submissions, eq(submissions.id, sendActions.submissionId))
      .leftJoin(drafts, eq(drafts.id, sendActions.draftId))
      .leftJoin(users, eq(users.id, drafts.ownerId))
      .where(eq(sendActions.caseId, caseId))
      .orderBy(desc(sendActions.assignedAt), desc(sendActions.id));
    const items = rows.map(({ action, reference, starter }): AssignedFormForStaff => ({
      id: action.id,
      formId: action.formId,
      title: formTitle(action.formId),
      dueDate: action.dueDate,
      assignedAt: action.assignedAt,
      status: action.withdrawnAt ? "withdrawn" : action.completedAt ? "sent" : starter ? "in-progress" : "waiting",
      startedBy: starter ? `${starter.forename} ${starter.surname}` : null,
      completedAt: action.completedAt,
      submission: action.submissionId && reference ? { id: action.submissionId, reference } : null,
    }));
    return { status: "found", case: { id: caseId, number: formatCaseNumber(row.number), childName: `${row.forename} ${row.surname}` }, items } as const;
  });
}

export type OpenAssignedForm = { id: string; title: string; dueDate: CalendarDate | null; assignedAt: Date; inProgress: boolean };

/** "Items to complete": the case's open assignments, oldest first; an empty list without access. */
export async function listOpenFormsForFamily(db: DbOrTx, family: FamilyUser, caseId: string): Promise<OpenAssignedForm[]> {
  const row = await caseForFamily(db, family, caseId);
  return row ? openFormsIn(db, row) : [];
}

/** The open assignments of a case whose access caseForFamily has checked. */
export async function openFormsIn(db: DbOrTx, row: FamilyCase): Promise<OpenAssignedForm[]> {
  const rows = await db
    .select({ action: sendActions, draftOwner: drafts.ownerId })
    .from(sendActions)
    .leftJoin(drafts, eq(drafts.id, sendActions.draftId))
    .where(and(eq(sendActions.caseId, row.id), isNull(sendActions.completedAt), isNull(sendActions.withdrawnAt)))
    .orderBy(asc(sendActions.assignedAt), asc(sendActions.id));
  return rows.map(({ action, draftOwner }) => ({ id: action.id, title: formTitle(action.formId), dueDate: action.dueDate, assignedAt: action.assignedAt, inProgress: draftOwner !== null }));
}

/**
 * Done with the family member's draft (`isNew`: started just now, so the form opens at its first
 * page, its guidance); `wrong-state` when another family member's draft holds the assignment.
 */
export type OpenResult = Done<{ draftId: string; isNew: boolean; firstSectionId: string }> | WrongState<"started-by-someone-else"> | NotFound;

/**
 * Opens an assignment for a family member: their draft of it, started now if there is none yet
 * (about the child, as a parent). A draft another family member started stays theirs.
 */
export async function openAssignedForm(deps: SendDeps, family: FamilyUser, input: { caseId: string; actionId: string }): Promise<OpenResult> {
  if (!isUuid(input.actionId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const row = await caseForFamily(tx, family, input.caseId);
    if (!row) return { status: "not-found" } as const;
    const [action] = await tx
      .select()
      .from(sendActions)
      .where(and(eq(sendActions.id, input.actionId), eq(sendActions.caseId, row.id), isNull(sendActions.completedAt), isNull(sendActions.withdrawnAt)))
      .for("update");
    const form = action ? formById(action.formId) : undefined;
    if (!action || !form) return { status: "not-found" } as const;
    if (action.draftId) {
      const [draft] = await tx.select({ id: drafts.id, ownerId: drafts.ownerId, expiresAt: drafts.expiresAt }).from(drafts).where(eq(drafts.id, action.draftId));
      if (draft && draft.expiresAt.getTime() > deps.now.getTime()) {
        return draft.ownerId === family.userId
          ? ({ status: "done", draftId: draft.id, isNew: false, firstSectionId: form.sections[0]!.id } as const)
          : ({ status: "wrong-state", current: "started-by-someone-else" } as const);
      }
    }
    const draft = await startDraft(tx, {
      ownerId: family.userId,
      form,
      retentionDays: deps.council.draftRetentionDays,
      now: deps.now,
      people: [{ id: crypto.randomUUID(), forename: row.childForename, surname: row.childSurname }],
      answers: { completingAs: "parent" },
    });
    await tx.update(sendActions).set({ draftId: draft.id }).where(eq(sendActions.id, action.id));
    return { status: "done", draftId: draft.id, isNew: true, firstSectionId: form.sections[0]!.id } as const;
  });
}

/**
 * Called in the transaction that sends a draft: if the draft answers an assignment, the
 * assignment is done (linked to the submission) and the case's caseworker is emailed.
 */
export async function completeAssignedFormForDraft(
  tx: DbOrTx,
  input: { draftId: string; reference: string; userId: string; now: Date; mail: (db: DbOrTx, email: Extract<SendEmail, { kind: "action-submitted" }>) => Promise<void>; appUrl: string },
): Promise<boolean> {
  const [action] = await tx
    .select({ id: sendActions.id, caseId: sendActions.caseId, formId: sendActions.formId })
    .from(sendActions)
    .where(and(eq(sendActions.draftId, input.draftId), isNull(sendActions.completedAt)))
    .for("update");
  if (!action) return false;
  const [submission] = await tx.select({ id: submissions.id }).from(submissions).where(eq(submissions.reference, input.reference));
  await tx.update(sendActions).set({ completedAt: input.now, completedBy: input.userId, submissionId: submission?.id ?? null }).where(eq(sendActions.id, action.id));
  const [row] = await tx
    .select({ number: sendCases.number, caseworkerEmail: users.email })
    .from(sendCases)
    .innerJoin(users, eq(users.id, sendCases.caseworkerId))
    .where(eq(sendCases.id, action.caseId));
  await recordCaseEvent(tx, {
    caseId: action.caseId,
    kind: "action-submitted",
    eventDate: todayOf({ now: input.now }),
    at: input.now,
    actorId: input.userId,
    detail: { actionId: action.id, formId: action.formId, ...(submission ? { submissionId: submission.id } : {}) },
  });
  if (row) {
    const caseNumber = formatCaseNumber(row.number);
    await input.mail(tx, { kind: "action-submitted", to: row.caseworkerEmail, caseNumber, link: new URL(`/staff/send/${action.caseId}/actions`, input.appUrl).toString() });
  }
  return true;
}
