/**
 * What the forgotten-password steps accept, and the words for what they refuse; the new
 * password fields are shared with change-password. Beside actions.ts because a "use server"
 * file may export only actions. Server-side only (the registration schemas it reuses pull in
 * the common-passwords list), so client forms must not import this file.
 */
import { z } from "zod";
import type { CodeCheck } from "@/lib/auth/codes";
import type { NewPasswordProblem } from "@/lib/auth/passwords";
import type { PasswordPolicy } from "@/lib/auth/password-policy";
import { councilSettings } from "@/lib/config/council";
import { accountEmailSchema, PASSWORD_MAX_LENGTH, registrationCodeSchema, unmetPasswordRulesMessage } from "@/app/account/register/schemas";

/** Step 1. */
export const forgottenPasswordSchema = z.object({
  email: accountEmailSchema,
});

/** Step 2: the same rules and words as the registration code (spaces and dashes allowed). */
export const resetCodeSchema = (codeLength: number) => registrationCodeSchema(codeLength);

/**
 * What to say for each way a code can be refused. "no-code" (what an address with no account
 * always gets) reads exactly as "wrong", so the answer never tells whether an account exists.
 */
export const RESET_CODE_MESSAGES: Record<Exclude<CodeCheck, "ok">, string> = {
  wrong: "The code is not correct. Check your email and try again",
  "no-code": "The code is not correct. Check your email and try again",
  expired: "The code has expired. Start again",
  used: "This code can no longer be used. Start again",
  cancelled: "This code can no longer be used. Start again",
  // Counted per address typed, whether or not it has an account, so this says nothing about one.
  "too-many-guesses": "There have been too many wrong codes. Wait an hour, then start again",
};

/** The new password and its confirmation, shared by reset (step 3) and change password. */
export const newPasswordShape = {
  newPassword: z
    .string({ error: "Enter a new password" })
    .min(1, "Enter a new password")
    .max(PASSWORD_MAX_LENGTH, `New password must be ${PASSWORD_MAX_LENGTH} characters or fewer`),
  confirmNewPassword: z.string({ error: "Confirm your new password" }).min(1, "Confirm your new password"),
};

/** Adds "do not match" beside the confirmation; runs even when another field is wrong, so all messages show at once. */
export function checkConfirmation(input: { newPassword?: unknown; confirmNewPassword?: unknown }, ctx: z.RefinementCtx): void {
  const { newPassword, confirmNewPassword } = input;
  if (typeof confirmNewPassword === "string" && confirmNewPassword.length > 0 && confirmNewPassword !== newPassword) {
    ctx.addIssue({ code: "custom", path: ["confirmNewPassword"], message: "The passwords do not match" });
  }
}

/** Step 3. The policy itself is checked by lib (it knows the person's name and old passwords). */
export const newPasswordSchema = z.object(newPasswordShape).superRefine(checkConfirmation);

/** "Reused": the current password and the previous `history` are refused. */
export function reusedPasswordMessage(history: number): string {
  const current = "Your new password must be different to your current password";
  if (history <= 0) return current;
  return history === 1 ? `${current} and your previous password` : `${current} and your previous ${history} passwords`;
}

/** The message beside "New password" for a password lib refused: every unmet rule, or reuse. */
export function newPasswordProblemMessage(problem: NewPasswordProblem, policy: PasswordPolicy & { passphraseMinLength?: number }): string {
  return problem.status === "reused" ? reusedPasswordMessage(policy.history) : unmetPasswordRulesMessage(problem.failures, policy);
}

/** Step 2 as the action reads it: the code's length is the council's, known once settings are read. */
export const postedResetCodeSchema = z.lazy(() => resetCodeSchema(councilSettings().codeLength));
