"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import type { FormState } from "@/app/_forms/form-state";
import { callerIp, sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { isUuid } from "@/lib/referrals/staff";
import { activateAccess, cancelInvitation, invite, parseDayMonthYear, recordException, recordStage, resendInvitation, revokeAccess, verifyIdentity, type StaffUser } from "@/lib/send";

/**
 * The caseworker's actions on one SEND case. Each checks the caller is staff itself (the
 * layout's check does not cover a posted action), reads only the fields it expects, and lets
 * lib/send decide. A case, invitation or access that is not there (or a caller lib refuses)
 * goes back to the list; success comes back to the case with a ?done= banner; a refusal
 * returns the messages and what was typed.
 */

type Refused = { status: "not-found" } | { status: "forbidden" };
type Invalid = { status: "invalid"; errors: Record<string, string> };

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** The case the form was on, and its staff user; a malformed case id is "gone". */
async function caller(formData: FormData): Promise<{ caseId: string; staff: StaffUser }> {
  const caseId = field(formData, "caseId");
  const user = await requireStaff(isUuid(caseId) ? `/staff/send/${caseId}` : "/staff/send");
  if (!isUuid(caseId)) redirect("/staff/send?gone=1");
  return { caseId, staff: { userId: user.userId, role: user.role, ip: await callerIp() } };
}

function gone(): never {
  redirect("/staff/send?gone=1");
}

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
export async function recordStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { caseId, staff } = await caller(formData);
  const kind = field(formData, "kind");
  const isDecision = kind === "assess-decision" || kind === "plan-decision";
  // The outcome radios cannot be cleared once chosen, so an outcome posted for a stage that has
  // none is ignored rather than refused.
  const outcome = isDecision ? field(formData, "outcome") || null : null;
  const day = field(formData, "date-day");
  const month = field(formData, "date-month");
  const year = field(formData, "date-year");
  const date = parseDayMonthYear(day, month, year) ?? "";
  const values = { kind, outcome: field(formData, "outcome"), "date-day": day, "date-month": month, "date-year": year };
  const result = await recordStage(sendDeps(), staff, { caseId, kind, outcome, date });
  return finish(result, caseId, staff, "stage", values);
}

/** "Record exception": which timescale, the statutory reason and a note. */
export async function recordExceptionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { caseId, staff } = await caller(formData);
  const timescale = field(formData, "timescale");
  const reason = field(formData, "reason");
  const note = field(formData, "note");
  const result = await recordException(sendDeps(), staff, { caseId, timescale, reason, note });
  return finish(result, caseId, staff, "exception", { timescale, reason, note });
}

/** "Invite family": an identity code to the requestor's address, or to the address typed. */
export async function inviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { caseId, staff } = await caller(formData);
  const email = field(formData, "email");
  const result = await invite(sendDeps(), staff, caseId, { email });
  if (result.status === "done") return done(caseId, staff, "invited", { invitationId: result.invitationId });
  return finish(result, caseId, staff, "invited", { email });
}

/** "Verify identity": the code the parent quoted. A blank box does not use up a try; any other wrong code does. */
export async function verifyIdentityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { caseId, staff } = await caller(formData);
  const invitationId = field(formData, "invitationId");
  const code = field(formData, "code");
  if (!isUuid(invitationId)) gone();
  if (!code.trim()) return { errors: { code: "Enter the identity code the parent quoted" }, values: { invitationId } };
  const result = await verifyIdentity(sendDeps(), staff, { invitationId, code });
  switch (result.status) {
    case "done":
      return done(caseId, staff, "verified", { invitationId });
    case "not-found":
    case "forbidden":
      return gone();
    case "wrong":
      logEvent("send.identity-code-refused", { caseId, invitationId, userId: staff.userId, triesLeft: result.triesLeft });
      return { errors: { code: `That code is not right. ${result.triesLeft === 1 ? "1 try" : `${result.triesLeft} tries`} left` }, values: { invitationId, code } };
    case "locked":
      logEvent("send.invitation-locked", { caseId, invitationId, userId: staff.userId });
      return { errors: { code: "Five wrong codes: the invitation is locked. Use Resend to send the family a new code" }, values: { invitationId } };
    case "expired":
      return { errors: { code: "The code has expired. Use Resend to send a new one" }, values: { invitationId } };
    case "not-awaiting":
      return { errors: { code: "This invitation is no longer waiting for an identity check. Reload the page to see where it is now" }, values: { invitationId } };
  }
}

/** "Resend": a new code (or, once verified, a new link); the old one stops working. */
export async function resendInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { caseId, staff } = await caller(formData);
  const invitationId = field(formData, "invitationId");
  if (!isUuid(invitationId)) gone();
  const result = await resendInvitation(sendDeps(), staff, invitationId);
  return finish(result, caseId, staff, "resent", { invitationId }, { invitationId });
}

/** "Cancel invitation": its code and link stop working. */
export async function cancelInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { caseId, staff } = await caller(formData);
  const invitationId = field(formData, "invitationId");
  if (!isUuid(invitationId)) gone();
  const result = await cancelInvitation(sendDeps(), staff, invitationId);
  return finish(result, caseId, staff, "cancelled", { invitationId }, { invitationId });
}

/** "Activate access": the family member who accepted can now see the case. */
export async function activateAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { caseId, staff } = await caller(formData);
  const accessId = field(formData, "accessId");
  const result = await activateAccess(sendDeps(), staff, accessId);
  return finish(result, caseId, staff, "activated", { accessId }, { accessId });
}

/** "Revoke access": their next request finds nothing. */
export async function revokeAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { caseId, staff } = await caller(formData);
  const accessId = field(formData, "accessId");
  const result = await revokeAccess(sendDeps(), staff, accessId);
  return finish(result, caseId, staff, "revoked", { accessId }, { accessId });
}
