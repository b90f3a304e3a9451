"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { stateAction } from "@/app/_actions/server-action";
import { getDb } from "@/db/client";
import { referralDeps } from "@/app/_referrals/referral-deps";
import { typedValues, type FormState } from "@/app/_forms/form-state";
import type { SessionUser } from "@/lib/auth/sessions";
import type { PostedFields } from "@/lib/posted-fields";
import { assignReferral, close, isReferralInMyTeams, moveTeam, requestInformation, respond, type ActionResult } from "@/lib/referrals";
import { logEvent } from "@/lib/log";
import { assignSchema, closeSchema, moveTeamSchema, requestInformationSchema, respondSchema } from "./schemas";

/**
 * The caseworker's actions on a referral. Each is staff only and takes only the fields it
 * expects (the wrapper), and lets the status table in lib/referrals decide whether the
 * referral's state allows it. The client address goes with the acting user into the audit row.
 */
const referralPath = { field: "id", path: (id: string) => `/staff/referrals/${id}`, otherwise: "/staff" };

function gone(): never {
  redirect("/staff?gone=1");
}

/** A choice not made comes back with its message and what was typed; anything else wrong (the id) is gone. */
function refused(field: string, fields: string[]) {
  return (error: z.ZodError, posted: PostedFields): FormState => {
    const message = (z.flattenError(error).fieldErrors as Record<string, string[] | undefined>)[field]?.[0];
    if (!message) gone();
    const typed = typedValues(posted);
    return { errors: { [field]: message }, values: Object.fromEntries(fields.map((name) => [name, typed[name] ?? ""])) };
  };
}

async function act(staff: SessionUser, id: string, run: () => Promise<ActionResult>, done: string, fields: Record<string, string>): Promise<FormState> {
  const result = await run();
  if (result.status === "done") {
    logEvent("referral.action", { submissionId: id, action: done, userId: staff.userId });
    // A referral moved to a team the mover is not in is theirs no more: back to the inbox.
    if (done === "moved" && !(await isReferralInMyTeams(getDb(), staff, id))) redirect("/staff?handedOver=1");
    redirect(`/staff/referrals/${id}?done=${done}`);
  }
  if (result.status === "not-found" || result.status === "forbidden") gone();
  if (result.status === "invalid") return { errors: result.errors, values: fields };
  const message = "This referral has changed since you opened it: this action no longer applies. Reload the page to see where it is now.";
  return { errors: { [Object.keys(fields)[0] ?? "action"]: message }, values: fields };
}

export const respondAction = stateAction(
  { access: "staff", returnTo: referralPath, schema: respondSchema, onInvalid: gone },
  async ({ id, response }, { user, ip }): Promise<FormState> =>
    act(user, id, () => respond(referralDeps(), { ...user, ip }, { id, response }), "responded", { response }),
);

export const requestInformationAction = stateAction(
  { access: "staff", returnTo: referralPath, schema: requestInformationSchema, onInvalid: refused("reason", ["reason", "comments"]) },
  async ({ id, reason, comments }, { user, ip }): Promise<FormState> =>
    act(user, id, () => requestInformation(referralDeps(), { ...user, ip }, { id, reason, comments }), "information-requested", { comments, reason }),
);

export const closeAction = stateAction(
  { access: "staff", returnTo: referralPath, schema: closeSchema, onInvalid: gone },
  async ({ id }, { user, ip }): Promise<FormState> => act(user, id, () => close(referralDeps(), { ...user, ip }, { id }), "closed", { close: "" }),
);

export const assignAction = stateAction(
  { access: "staff", returnTo: referralPath, schema: assignSchema, onInvalid: refused("assignee", ["assignee"]) },
  async ({ id, assignee }, { user, ip }): Promise<FormState> => act(user, id, () => assignReferral(referralDeps(), { ...user, ip }, { id, assigneeId: assignee }), "assigned", { assignee }),
);

export const moveTeamAction = stateAction(
  { access: "staff", returnTo: referralPath, schema: moveTeamSchema, onInvalid: refused("team", ["team"]) },
  async ({ id, team }, { user, ip }): Promise<FormState> => act(user, id, () => moveTeam(referralDeps(), { ...user, ip }, { id, team }), "moved", { team }),
);
