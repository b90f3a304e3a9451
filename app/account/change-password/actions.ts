"use server";

import { invalidFormState, stateAction } from "@/app/_actions/server-action";
import { authDeps } from "@/app/_auth/auth-deps";
import { establishSession } from "@/app/_auth/establish-session";
import type { FormState } from "@/app/_forms/form-state";
import { changePassword } from "@/lib/auth/passwords";
import { passwordPolicyFor } from "@/lib/auth/password-policy";
import { newPasswordProblemMessage } from "@/app/account/forgotten-password/schemas";
import { WRONG_CURRENT_PASSWORD, changePasswordSchema } from "./schemas";

/** Where a changed password lands; My Account shows its banner for `passwordChanged=1`. */
const CHANGED_PATH = "/account?passwordChanged=1";

/**
 * "Change password": checks the current password, then sets the new one. Every session of the
 * user ends (a stolen cookie stops working) and this browser gets a fresh one.
 */
export const changePasswordAction = stateAction(
  {
    access: "user",
    returnTo: "/account/change-password",
    schema: changePasswordSchema,
    // Only passwords on this form, and those are never sent back.
    onInvalid: invalidFormState(["currentPassword", "newPassword", "confirmNewPassword"]),
  },
  async (input, { user }): Promise<FormState> => {
    const deps = await authDeps();
    const result = await changePassword(deps, { userId: user.userId, current: input.currentPassword, next: input.newPassword });
    if (result.status === "wrong-current") return { errors: { currentPassword: WRONG_CURRENT_PASSWORD }, values: {} };
    if (result.status !== "changed") return { errors: { newPassword: newPasswordProblemMessage(result, passwordPolicyFor(deps.council)) }, values: {} };
    return establishSession(result.sessionId, CHANGED_PATH);
  },
);
