"use server";

import { redirect } from "next/navigation";
import { invalidFormState, stateAction } from "@/app/_actions/server-action";
import type { FormState } from "@/app/_forms/form-state";
import { getDb } from "@/db/client";
import { updateAccountDetails } from "@/lib/auth/update-account";
import { registrationDetailsSchema } from "@/app/account/register/schemas";
import { keepAccountPost } from "./kept-account";

/** Where saved changes land; My Account shows its banner for `updated=1`. */
const UPDATED_PATH = "/account?updated=1";

/**
 * "Save changes": the registration step-1 details, checked by the same schema as registering.
 * The row changed is the signed-in user's own; the form names nobody. Posted after the session
 * has ended, what was typed is kept and the form comes back with it after signing in again.
 */
export const updateAccountAction = stateAction(
  { access: "user", returnTo: "/account/update", keep: keepAccountPost, schema: registrationDetailsSchema, onInvalid: invalidFormState() },
  async (input, { user }): Promise<FormState> => {
    await updateAccountDetails(getDb(), user.userId, input.details);
    redirect(UPDATED_PATH);
  },
);
