"use server";

import { redirect } from "next/navigation";
import { passwordPolicyFor } from "@/lib/auth/password-policy";
import type { z } from "zod";
import { invalidFormState, stateAction } from "@/app/_actions/server-action";
import { authDeps } from "@/app/_auth/auth-deps";
import { typedValues, type FormState } from "@/app/_forms/form-state";
import type { PostedFields } from "@/lib/posted-fields";
import { checkPasswordResetCode, resetPassword, startPasswordReset } from "@/lib/auth/passwords";
import { endResetJourney, markResetCodeChecked, readResetJourney, startResetJourney } from "./_parts/reset-journey";
import { RESET_PATHS } from "./_parts/reset-paths";
import { RESET_CODE_MESSAGES, forgottenPasswordSchema, newPasswordProblemMessage, newPasswordSchema, postedResetCodeSchema } from "./schemas";

// Nothing but passwords on step 3's form, and those are never sent back.
const PASSWORD_FIELDS = ["newPassword", "confirmNewPassword"];

/** Step 2 needs a journey still waiting for its code. */
async function journeyAtCode() {
  const journey = await readResetJourney();
  if (!journey) redirect(RESET_PATHS.restart);
  if (journey.stage === "new-password") redirect(RESET_PATHS.newPassword);
  return journey;
}

/** Step 3 needs a journey whose code was good. */
async function journeyAtNewPassword() {
  const journey = await readResetJourney();
  if (journey?.stage !== "new-password") redirect(RESET_PATHS.restart);
  return journey;
}

/** A refused post still goes where its journey says first, as it did before the fields were looked at. */
const afterJourney =
  (journey: () => Promise<unknown>, omit: string[] = []) =>
  async (error: z.ZodError, fields: PostedFields): Promise<FormState> => {
    await journey();
    return invalidFormState(omit)(error, fields);
  };

/** Step 1: the email address. Same next page whether or not it has an account. */
export const startPasswordResetAction = stateAction(
  { access: "anyone", schema: forgottenPasswordSchema, onInvalid: invalidFormState() },
  async (input): Promise<FormState> => {
    const { subjectId } = await startPasswordReset(await authDeps(), input.email);
    await startResetJourney(subjectId);
    redirect(RESET_PATHS.code);
  },
);

/** Step 2: the emailed code. Only the journey cookie says whose code it is. */
export const checkResetCodeAction = stateAction(
  { access: "anyone", schema: postedResetCodeSchema, onInvalid: afterJourney(journeyAtCode) },
  async (input, { fields }): Promise<FormState> => {
    const journey = await journeyAtCode();
    const result = await checkPasswordResetCode(await authDeps(), { subjectId: journey.subjectId, code: input.code });
    if (result !== "ok") return { errors: { code: RESET_CODE_MESSAGES[result] }, values: typedValues(fields) };
    await markResetCodeChecked(journey.subjectId);
    redirect(RESET_PATHS.newPassword);
  },
);

/** Step 3, "Finish": the new password. Every session of the user ends; they sign in again. */
export const resetPasswordAction = stateAction(
  { access: "anyone", schema: newPasswordSchema, onInvalid: afterJourney(journeyAtNewPassword, PASSWORD_FIELDS) },
  async (input): Promise<FormState> => {
    const journey = await journeyAtNewPassword();
    const deps = await authDeps();
    const result = await resetPassword(deps, { userId: journey.userId, password: input.newPassword });
    if (result.status !== "reset") return { errors: { newPassword: newPasswordProblemMessage(result, passwordPolicyFor(deps.council)) }, values: {} };
    await endResetJourney();
    redirect(RESET_PATHS.done);
  },
);
