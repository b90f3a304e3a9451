"use server";

import { redirect } from "next/navigation";
import { invalidFormState, stateAction } from "@/app/_actions/server-action";
import { authDeps } from "@/app/_auth/auth-deps";
import type { FormState } from "@/app/_forms/form-state";
import { newPasswordProblemMessage } from "@/app/account/forgotten-password/schemas";
import { passwordPolicyFor } from "@/lib/auth/password-policy";
import { logEvent } from "@/lib/log";
import { activateStaffAccount } from "@/lib/staff/invitations";
import { activateSchema } from "./schemas";

/**
 * "Set up your account" from a staff invitation: the person chooses their password and the
 * account is made. They are not signed in here: they sign in with it and an emailed code, so
 * the first code proves the address again, as every sign-in does.
 */
export const activateStaffAction = stateAction(
  { access: "anyone", schema: activateSchema, onInvalid: invalidFormState(["newPassword", "confirmNewPassword"]) },
  async (input): Promise<FormState> => {
    const deps = await authDeps();
    const result = await activateStaffAccount(deps, input.token, input.newPassword);
    if (result.status === "link-invalid" || result.status === "exists") redirect(`/account/activate/${encodeURIComponent(input.token)}`);
    if (result.status === "policy") return { errors: { newPassword: newPasswordProblemMessage(result, passwordPolicyFor(deps.council)) }, values: {} };
    logEvent("staff.activated", { userId: result.userId });
    redirect("/account/sign-in?activated=1");
  },
);
