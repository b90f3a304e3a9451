/** What the activation page accepts: the link's token and the new password twice. */
import { z } from "zod";
import { checkConfirmation, newPasswordShape } from "@/app/account/forgotten-password/schemas";

export const activateSchema = z
  .object({ token: z.string().min(1).max(100), ...newPasswordShape })
  .superRefine(checkConfirmation);
