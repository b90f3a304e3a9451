"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { invalidFormState, stateAction } from "@/app/_actions/server-action";
import { authDeps } from "@/app/_auth/auth-deps";
import { currentUser } from "@/app/_auth/current-user";
import { establishSession } from "@/app/_auth/establish-session";
import { clearJourney, readJourney, setJourney } from "@/app/_auth/journey-cookies";
import { safeReturnTo } from "@/app/_auth/return-to";
import { firstErrors, typedValues, type FormState } from "@/app/_forms/form-state";
import type { PostedFields } from "@/lib/posted-fields";
import { acceptTerms, findRegistration, resendRegistrationCode, saveRegistrationDetails, setRegistrationCredentials, verifyRegistration } from "@/lib/auth/register";
import { REGISTER_PATHS, journeyPath } from "./_parts/journey-path";
import { passwordPolicyFor } from "@/lib/auth/password-policy";
import {
  NEW_CODE_NOTICE,
  REGISTRATION_CODE_MESSAGES,
  cooldownMessage,
  journeyReturnToSchema,
  postedCredentialsSchema,
  postedRegistrationCodeSchema,
  registrationCredentialsSchema,
  registrationDetailsSchema,
  resendRegistrationCodeSchema,
  termsSchema,
} from "./schemas";

// Long enough to find the email and type the code; the code itself lasts less.
const REGISTRATION_JOURNEY_MINUTES = 60;
const TERMS_JOURNEY_MINUTES = 30;

/** Registering is for people who are signed out; anyone signed in goes to their account. */
async function refuseSignedIn(): Promise<void> {
  if (await currentUser()) redirect("/account");
}

/** Steps 2 and 3: a signed-out visitor with a registration in progress, or back to step 1 when its cookie has gone. */
async function registrationInProgress(posted: { returnTo?: unknown }): Promise<{ returnTo: string; registrationId: string }> {
  await refuseSignedIn();
  const returnTo = safeReturnTo(posted.returnTo);
  const registrationId = await readJourney("registration");
  if (!registrationId) redirect(journeyPath(REGISTER_PATHS.details, returnTo));
  return { returnTo, registrationId };
}

/** Step 4: a signed-out visitor who has just proved their address (or signed in without having agreed). */
async function termsInProgress(posted: { returnTo?: unknown }): Promise<string> {
  await refuseSignedIn();
  const userId = await readJourney("terms");
  if (!userId) redirect(journeyPath("/account/sign-in", safeReturnTo(posted.returnTo)));
  return userId;
}

/** A refused post still goes where its journey says first, as it did before the fields were looked at. */
const afterJourney =
  (journey: (posted: { returnTo?: string }) => Promise<unknown>, omit: string[] = []) =>
  async (error: z.ZodError, fields: PostedFields): Promise<FormState> => {
    await journey(journeyReturnToSchema.parse(fields));
    return invalidFormState(omit)(error, fields);
  };

/** Step 1: name, professional capacity, address. */
export const saveRegistrationDetailsAction = stateAction(
  { access: "anyone", schema: registrationDetailsSchema, onInvalid: afterJourney(refuseSignedIn) },
  async (input): Promise<FormState> => {
    await refuseSignedIn();
    const returnTo = safeReturnTo(input.returnTo);
    // After "Back" the cookie names the registration to update, rather than starting another.
    const { registrationId } = await saveRegistrationDetails(await authDeps(), { registrationId: await readJourney("registration"), details: input.details });
    await setJourney("registration", registrationId, REGISTRATION_JOURNEY_MINUTES);
    redirect(journeyPath(REGISTER_PATHS.credentials, returnTo));
  },
);

/** Step 2: email address and password; sends the code (the page is the same for a registered address). */
export const saveRegistrationCredentialsAction = stateAction(
  { access: "anyone", schema: postedCredentialsSchema, onInvalid: afterJourney(registrationInProgress, ["password", "confirmPassword"]) },
  async (input, { fields }): Promise<FormState> => {
    const { returnTo, registrationId } = await registrationInProgress(input);
    const deps = await authDeps();
    // The registration must still be open; its names are what a password may not be built on.
    const registration = await findRegistration(deps, registrationId);
    if (!registration) redirect(journeyPath(REGISTER_PATHS.details, returnTo));
    const parsed = registrationCredentialsSchema(passwordPolicyFor(deps.council), registration.details).safeParse(input);
    if (!parsed.success) return { errors: firstErrors(z.flattenError(parsed.error).fieldErrors), values: typedValues(fields, ["password", "confirmPassword"]) };
    const result = await setRegistrationCredentials(deps, { registrationId, email: parsed.data.email, password: parsed.data.password });
    if (result.status === "gone") redirect(journeyPath(REGISTER_PATHS.details, returnTo));
    redirect(journeyPath(REGISTER_PATHS.code, returnTo));
  },
);

/** Step 3, "Continue": the code proves the address and creates the account. */
export const verifyRegistrationCodeAction = stateAction(
  { access: "anyone", schema: postedRegistrationCodeSchema, onInvalid: afterJourney(registrationInProgress) },
  async (input, { fields }): Promise<FormState> => {
    const { returnTo, registrationId } = await registrationInProgress(input);
    const result = await verifyRegistration(await authDeps(), { registrationId, code: input.code });
    if (result.status !== "verified") return { errors: { code: REGISTRATION_CODE_MESSAGES[result.status] }, values: typedValues(fields) };
    await clearJourney("registration");
    await setJourney("terms", result.userId, TERMS_JOURNEY_MINUTES);
    redirect(journeyPath(REGISTER_PATHS.terms, returnTo));
  },
);

/** Step 3, "Please send me a new code": cancels the old code, within the resend cooldown. */
export const resendRegistrationCodeAction = stateAction(
  // The old code will not work any more, so there is nothing worth keeping in the box.
  { access: "anyone", schema: resendRegistrationCodeSchema, onInvalid: afterJourney(registrationInProgress, ["code"]) },
  async (input, { fields }): Promise<FormState> => {
    const { registrationId } = await registrationInProgress(input);
    const values = typedValues(fields, ["code"]);
    const result = await resendRegistrationCode(await authDeps(), registrationId);
    if (result.status === "cooldown") return { errors: { code: cooldownMessage(result.retryAfterSeconds) }, values };
    return { errors: {}, values, notice: NEW_CODE_NOTICE };
  },
);

/** Step 4 (also reached from signing in by someone who registered but never agreed): agree, then signed in. */
export const acceptTermsAction = stateAction(
  { access: "anyone", schema: termsSchema, onInvalid: afterJourney(termsInProgress) },
  async (input): Promise<FormState> => {
    const userId = await termsInProgress(input);
    const { sessionId } = await acceptTerms(await authDeps(), userId);
    await clearJourney("terms");
    return establishSession(sessionId, safeReturnTo(input.returnTo));
  },
);
