"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/app/_auth/current-user";
import { firstErrors, typedValues, type FormState } from "@/app/_forms/form-state";
import { getDb } from "@/db/client";
import { updateAccountDetails } from "@/lib/auth/update-account";
import { registrationDetailsSchema } from "@/app/account/register/schemas";

/** Where saved changes land; My Account shows its banner for `updated=1`. */
const UPDATED_PATH = "/account?updated=1";

/**
 * "Save changes": the registration step-1 details, checked by the same schema as registering.
 * The row changed is the signed-in user's own; the form names nobody.
 */
export async function updateAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("/account/update");
  const parsed = registrationDetailsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: firstErrors(z.flattenError(parsed.error).fieldErrors), values: typedValues(formData) };
  await updateAccountDetails(getDb(), user.userId, parsed.data.details);
  redirect(UPDATED_PATH);
}
