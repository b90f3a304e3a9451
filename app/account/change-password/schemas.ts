/**
 * What "Change password" accepts. Beside actions.ts because a "use server" file may export
 * only actions. Server-side only, like the forgotten-password schemas it shares fields with.
 */
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/app/account/register/schemas";
import { checkConfirmation, newPasswordShape } from "@/app/account/forgotten-password/schemas";

export const WRONG_CURRENT_PASSWORD = "Your current password is not correct";

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password" })
      .min(1, "Enter your current password")
      // No password over the limit can ever have been set, so a longer one is simply wrong.
      .max(PASSWORD_MAX_LENGTH, WRONG_CURRENT_PASSWORD),
    ...newPasswordShape,
  })
  .superRefine(checkConfirmation);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
