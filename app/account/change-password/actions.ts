"use server";

import { z } from "zod";
import { authDeps } from "@/app/_auth/auth-deps";
import { requireUser } from "@/app/_auth/current-user";
import { establishSession } from "@/app/_auth/establish-session";
import { firstErrors, type FormState } from "@/app/_forms/form-state";
import { changePassword } from "@/lib/auth/passwords";
import { newPasswordProblemMessage } from "@/app/account/forgotten-password/schemas";
import { WRONG_CURRENT_PASSWORD, changePasswordSchema } from "./schemas";

/** Where a changed password lands; My Account shows its banner for `passwordChanged=1`. */
const CHANGED_PATH = "/account?passwordChanged=1";

/**
 * "Change password": checks the current password, then sets the new one. Every session of the
 * user ends (a stolen cookie stops working) and this browser gets a fresh one.
 */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("/account/change-password");
  // Only passwords on this form, and those are never sent back.
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: firstErrors(z.flattenError(parsed.error).fieldErrors), values: {} };
  const deps = await authDeps();
  const result = await changePassword(deps, { userId: user.userId, current: parsed.data.currentPassword, next: parsed.data.newPassword });
  if (result.status === "wrong-current") return { errors: { currentPassword: WRONG_CURRENT_PASSWORD }, values: {} };
  if (result.status !== "changed") return { errors: { newPassword: newPasswordProblemMessage(result, deps.council.passwordPolicy) }, values: {} };
  return establishSession(result.sessionId, CHANGED_PATH);
}
