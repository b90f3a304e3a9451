"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import { stateAction, type ActionContext } from "@/app/_actions/server-action";
import type { FormState } from "@/app/_forms/form-state";
import { sendDeps } from "@/app/_send/send-deps";
import type { SessionUser } from "@/lib/auth/sessions";
import { logEvent } from "@/lib/log";
import { activateAccess, assignCase, cancelInvitation, invite, recordException, recordStage, resendInvitation, revokeAccess, verifyIdentity, type SendDeps, type StaffUser } from "@/lib/send";
import { accessSchema, assignCaseSchema, invitationSchema, inviteSchema, recordExceptionSchema, recordStageSchema, stageDate, verifyIdentitySchema } from "./schemas";

/**
 * The caseworker's actions on one SEND case. Each is staff only and reads only the fields it
 * expects (the wrapper), and lets lib/send decide. A case, invitation or access that is not
 * there (or a caller lib refuses) goes back to the list; success comes back to the case with a
 * ?done= banner; a refusal returns the messages and what was typed.
 */

type Refused = { status: "not-found" } | { status: "forbidden" };
type Invalid = { status: "invalid"; errors: Record<string, string> };

function gone(): never {
  redirect("/staff/send?gone=1");
}

/** Sign-in comes back to the case posted, if it names one. */
const casePath = { field: "caseId", path: (caseId: string) => `/staff/send/${caseId}`, otherwise: "/staff/send" };

/** Every action here: staff only, back to the case after sign-in, and a malformed id is gone. */
const onCase = <S extends z.ZodType>(schema: S) => ({ access: "staff" as const, returnTo: casePath, schema, onInvalid: gone });

const asStaff = (user: SessionUser, ip: string | null): StaffUser => ({ userId: user.userId, role: user.role, ip });

function done(caseId: string, staff: StaffUser, action: string, ids: Record<string, string> = {}): never {
  logEvent("send.action", { caseId, action, userId: staff.userId, ...ids });
  redirect(`/staff/send/${caseId}?done=${action}`);
}

/** The common ending: refused → list, invalid → messages, otherwise done. */
function finish(result: { status: "done" } | Invalid | Refused, caseId: string, staff: StaffUser, action: string, values: Record<string, string>, ids: Record<string, string> = {}): FormState {
  if (result.status === "not-found" || result.status === "forbidden") gone();
  if (result.status === "invalid") return { errors: result.errors, values };
  return done(caseId, staff, action, ids);
}

/** "Record stage": the stage, its yes/no outcome (decisions only) and the date it happened. */
export const recordStageAction = stateAction(onCase(recordStageSchema), async (form, { user, ip }): Promise<FormState> => {
  const staff = asStaff(user, ip);
  const { caseId, kind } = form;
  const isDecision = kind === "assess-decision" || kind === "plan-decision";
  // The outcome radios cannot be cleared once chosen, so an outcome posted for a stage that has
  // none is ignored rather than refused.
  const outcome = isDecision ? form.outcome || null : null;
  const values = { kind, outcome: form.outcome, "date-day": form["date-day"], "date-month": form["date-month"], "date-year": form["date-year"] };
  const result = await recordStage(sendDeps(), staff, { caseId, kind, outcome, date: stageDate(form) });
  return finish(result, caseId, staff, "stage", values);
});

/** "Record exception": which timescale, the statutory reason and a note. */
export const recordExceptionAction = stateAction(onCase(recordExceptionSchema), async ({ caseId, timescale, reason, note }, { user, ip }): Promise<FormState> => {
  const staff = asStaff(user, ip);
  const result = await recordException(sendDeps(), staff, { caseId, timescale, reason, note });
  return finish(result, caseId, staff, "exception", { timescale, reason, note });
});

/** "Assign to a caseworker": a team manager gives the case to a caseworker of its team. */
export const assignCaseAction = stateAction(onCase(assignCaseSchema), async ({ caseId, assignee }, { user, ip }): Promise<FormState> => {
  const staff = asStaff(user, ip);
  if (!assignee) return { errors: { assignee: "Select the caseworker to assign this to" }, values: {} };
  return finish(await assignCase(sendDeps(), staff, { caseId, caseworkerId: assignee }), caseId, staff, "assigned", { assignee });
});

/** "Invite family": an identity code to the requestor's address, or to the address typed. */
export const inviteAction = stateAction(onCase(inviteSchema), async ({ caseId, email }, { user, ip }): Promise<FormState> => {
  const staff = asStaff(user, ip);
  const result = await invite(sendDeps(), staff, caseId, { email });
  if (result.status === "done") return done(caseId, staff, "invited", { invitationId: result.invitationId });
  return finish(result, caseId, staff, "invited", { email });
});

/** "Verify identity": the code the parent quoted. A blank box does not use up a try; any other wrong code does. */
export const verifyIdentityAction = stateAction(onCase(verifyIdentitySchema), async ({ caseId, invitationId, code }, { user, ip }): Promise<FormState> => {
  const staff = asStaff(user, ip);
  if (!code.trim()) return { errors: { code: "Enter the identity code the parent quoted" }, values: { invitationId } };
  const result = await verifyIdentity(sendDeps(), staff, { invitationId, code });
  switch (result.status) {
    case "done":
      return done(caseId, staff, "verified", { invitationId });
    case "not-found":
    case "forbidden":
      return gone();
    case "invalid":
      logEvent("send.identity-code-refused", { caseId, invitationId, userId: staff.userId });
      return { errors: result.errors, values: { invitationId, code } };
    case "wrong-state":
      if (result.current === "locked") logEvent("send.invitation-locked", { caseId, invitationId, userId: staff.userId });
      return { errors: { code: NOT_VERIFIABLE[result.current] }, values: { invitationId } };
  }
});

/** Why a code cannot be checked, by the invitation's state. */
const NOT_VERIFIABLE = {
  locked: "Five wrong codes: the invitation is locked. Use Resend to send the family a new code",
  expired: "The code has expired. Use Resend to send a new one",
  "not-awaiting": "This invitation is no longer waiting for an identity check. Reload the page to see where it is now",
} as const;

/** The invitation and access buttons: one id posted, one lib/send verb on it, the common ending. */
function onOne<K extends "invitationId" | "accessId">(key: K, verb: (deps: SendDeps, staff: StaffUser, id: string) => Promise<Parameters<typeof finish>[0]>, action: string) {
  return async (input: { caseId: string } & Record<K, string>, { user, ip }: ActionContext<"staff">): Promise<FormState> => {
    const staff = asStaff(user, ip);
    const ids = { [key]: input[key] };
    return finish(await verb(sendDeps(), staff, input[key]), input.caseId, staff, action, ids, ids);
  };
}

/** "Resend": a new code (or, once verified, a new link); the old one stops working. */
export const resendInvitationAction = stateAction(onCase(invitationSchema), onOne("invitationId", resendInvitation, "resent"));

/** "Cancel invitation": its code and link stop working. */
export const cancelInvitationAction = stateAction(onCase(invitationSchema), onOne("invitationId", cancelInvitation, "cancelled"));

/** "Activate access": the family member who accepted can now see the case. */
export const activateAccessAction = stateAction(onCase(accessSchema), onOne("accessId", activateAccess, "activated"));

/** "Revoke access": their next request finds nothing. */
export const revokeAccessAction = stateAction(onCase(accessSchema), onOne("accessId", revokeAccess, "revoked"));
