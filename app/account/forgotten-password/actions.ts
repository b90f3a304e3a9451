"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authDeps } from "@/app/_auth/auth-deps";
import { firstErrors, typedValues, type FormState } from "@/app/_forms/form-state";
import { checkPasswordResetCode, resetPassword, startPasswordReset } from "@/lib/auth/passwords";
import { councilSettings } from "@/lib/config/council";
import { endResetJourney, markResetCodeChecked, readResetJourney, startResetJourney } from "./_parts/reset-journey";
import { RESET_PATHS } from "./_parts/reset-paths";
import { RESET_CODE_MESSAGES, forgottenPasswordSchema, newPasswordProblemMessage, newPasswordSchema, resetCodeSchema } from "./schemas";

const fieldErrors = (error: z.ZodError) => firstErrors(z.flattenError(error).fieldErrors);

/** Step 1: the email address. Same next page whether or not it has an account. */
export async function startPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData);
  const parsed = forgottenPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { subjectId } = await startPasswordReset(await authDeps(), parsed.data.email);
  await startResetJourney(subjectId);
  redirect(RESET_PATHS.code);
}

/** Step 2: the emailed code. Only the journey cookie says whose code it is. */
export async function checkResetCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const journey = await readResetJourney();
  if (!journey) redirect(RESET_PATHS.restart);
  if (journey.stage === "new-password") redirect(RESET_PATHS.newPassword);
  const values = typedValues(formData);
  const parsed = resetCodeSchema(councilSettings().codeLength).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await checkPasswordResetCode(await authDeps(), { subjectId: journey.subjectId, code: parsed.data.code });
  if (result !== "ok") return { errors: { code: RESET_CODE_MESSAGES[result] }, values };
  await markResetCodeChecked(journey.subjectId);
  redirect(RESET_PATHS.newPassword);
}

/** Step 3, "Finish": the new password. Every session of the user ends; they sign in again. */
export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const journey = await readResetJourney();
  if (journey?.stage !== "new-password") redirect(RESET_PATHS.restart);
  // Nothing but passwords on this form, and those are never sent back.
  const parsed = newPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: {} };
  const deps = await authDeps();
  const result = await resetPassword(deps, { userId: journey.userId, password: parsed.data.newPassword });
  if (result.status !== "reset") return { errors: { newPassword: newPasswordProblemMessage(result, deps.council.passwordPolicy) }, values: {} };
  await endResetJourney();
  redirect(RESET_PATHS.done);
}
