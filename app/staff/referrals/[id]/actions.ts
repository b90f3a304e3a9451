"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import type { FormState } from "@/app/_forms/form-state";
import { close, isInformationReason, isTeam, moveTeam, requestInformation, respond, type ActionResult } from "@/lib/referrals";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { emailReferrer } from "./referrer-emails";

/**
 * The caseworker's actions on a referral. Each checks the acting user is staff (the layout's
 * check does not cover a posted action), takes only the fields it expects, and lets the
 * status table in lib/referrals decide whether the referral's state allows it.
 */
async function act(formData: FormData, run: (staffId: { userId: string; role: "referrer" | "parent" | "caseworker" | "admin" }, id: string) => Promise<ActionResult>, done: string, fields: Record<string, string>): Promise<FormState> {
  const id = String(formData.get("id") ?? "");
  const staff = await requireStaff(`/staff/referrals/${id}`);
  const result = await run(staff, id);
  if (result.status === "done") {
    logEvent("referral.action", { submissionId: id, action: done, userId: staff.userId });
    redirect(`/staff/referrals/${id}?done=${done}`);
  }
  if (result.status === "not-found" || result.status === "forbidden") redirect("/staff?gone=1");
  const message = result.status === "wrong-state" ? "This referral has changed since you opened it: this action no longer applies. Reload the page to see where it is now." : result.message;
  return { errors: { [Object.keys(fields)[0] ?? "action"]: message }, values: fields };
}

export async function respondAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const response = String(formData.get("response") ?? "");
  return act(formData, (staff, id) => respond(getDb(), staff, { id, response, now: now(), onChanged: emailReferrer }), "responded", { response });
}

export async function requestInformationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const reason = String(formData.get("reason") ?? "");
  const comments = String(formData.get("comments") ?? "");
  if (!isInformationReason(reason)) return { errors: { reason: "Select why you need more information" }, values: { reason, comments } };
  return act(formData, (staff, id) => requestInformation(getDb(), staff, { id, reason, comments, now: now(), onChanged: emailReferrer }), "information-requested", { comments, reason });
}

export async function closeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return act(formData, (staff, id) => close(getDb(), staff, { id, now: now() }), "closed", { close: "" });
}

export async function moveTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const team = String(formData.get("team") ?? "");
  if (!isTeam(team)) return { errors: { team: "Select the team to move this referral to" }, values: { team } };
  return act(formData, (staff, id) => moveTeam(getDb(), staff, { id, team, now: now() }), "moved", { team });
}
