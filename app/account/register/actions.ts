"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authDeps } from "@/app/_auth/auth-deps";
import { currentUser } from "@/app/_auth/current-user";
import { establishSession } from "@/app/_auth/establish-session";
import { clearJourney, readJourney, setJourney } from "@/app/_auth/journey-cookies";
import { safeReturnTo } from "@/app/_auth/return-to";
import { firstErrors, typedValues, type FormState } from "@/app/_forms/form-state";
import { acceptTerms, findRegistration, resendRegistrationCode, saveRegistrationDetails, setRegistrationCredentials, verifyRegistration } from "@/lib/auth/register";
import { councilSettings } from "@/lib/config/council";
import { REGISTER_PATHS, journeyPath } from "./_parts/journey-path";
import {
  NEW_CODE_NOTICE,
  REGISTRATION_CODE_MESSAGES,
  cooldownMessage,
  registrationCodeSchema,
  registrationCredentialsSchema,
  registrationDetailsSchema,
  termsSchema,
} from "./schemas";

// Long enough to find the email and type the code; the code itself lasts less.
const REGISTRATION_JOURNEY_MINUTES = 60;
const TERMS_JOURNEY_MINUTES = 30;

const fieldErrors = (error: z.ZodError) => firstErrors(z.flattenError(error).fieldErrors);

/** Registering is for people who are signed out; anyone signed in goes to their account. */
async function refuseSignedIn(): Promise<void> {
  if (await currentUser()) redirect("/account");
}

/** The registration in progress, or back to step 1 when its cookie has gone. */
async function registrationInProgress(returnTo: string): Promise<string> {
  const registrationId = await readJourney("registration");
  if (!registrationId) redirect(journeyPath(REGISTER_PATHS.details, returnTo));
  return registrationId;
}

/** Step 1: name, professional capacity, address. */
export async function saveRegistrationDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await refuseSignedIn();
  const parsed = registrationDetailsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: typedValues(formData) };
  const returnTo = safeReturnTo(parsed.data.returnTo);
  // After "Back" the cookie names the registration to update, rather than starting another.
  const { registrationId } = await saveRegistrationDetails(await authDeps(), { registrationId: await readJourney("registration"), details: parsed.data.details });
  await setJourney("registration", registrationId, REGISTRATION_JOURNEY_MINUTES);
  redirect(journeyPath(REGISTER_PATHS.credentials, returnTo));
}

/** Step 2: email address and password; sends the code (the page is the same for a registered address). */
export async function saveRegistrationCredentialsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await refuseSignedIn();
  const returnTo = safeReturnTo(formData.get("returnTo"));
  const registrationId = await registrationInProgress(returnTo);
  const deps = await authDeps();
  // The registration must still be open; its names are what a password may not be built on.
  const registration = await findRegistration(deps, registrationId);
  if (!registration) redirect(journeyPath(REGISTER_PATHS.details, returnTo));
  const schema = registrationCredentialsSchema(deps.council.passwordPolicy, registration.details);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: typedValues(formData, ["password", "confirmPassword"]) };
  const result = await setRegistrationCredentials(deps, { registrationId, email: parsed.data.email, password: parsed.data.password });
  if (result.status === "gone") redirect(journeyPath(REGISTER_PATHS.details, returnTo));
  redirect(journeyPath(REGISTER_PATHS.code, returnTo));
}

/** Step 3, "Continue": the code proves the address and creates the account. */
export async function verifyRegistrationCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await refuseSignedIn();
  const returnTo = safeReturnTo(formData.get("returnTo"));
  const registrationId = await registrationInProgress(returnTo);
  const values = typedValues(formData);
  const parsed = registrationCodeSchema(councilSettings().codeLength).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await verifyRegistration(await authDeps(), { registrationId, code: parsed.data.code });
  if (result.status !== "verified") return { errors: { code: REGISTRATION_CODE_MESSAGES[result.status] }, values };
  await clearJourney("registration");
  await setJourney("terms", result.userId, TERMS_JOURNEY_MINUTES);
  redirect(journeyPath(REGISTER_PATHS.terms, returnTo));
}

/** Step 3, "Please send me a new code": cancels the old code, within the resend cooldown. */
export async function resendRegistrationCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await refuseSignedIn();
  const returnTo = safeReturnTo(formData.get("returnTo"));
  const registrationId = await registrationInProgress(returnTo);
  // The old code will not work any more, so there is nothing worth keeping in the box.
  const values = typedValues(formData, ["code"]);
  const result = await resendRegistrationCode(await authDeps(), registrationId);
  if (result.status === "cooldown") return { errors: { code: cooldownMessage(result.retryAfterSeconds) }, values };
  return { errors: {}, values, notice: NEW_CODE_NOTICE };
}

/** Step 4 (also reached from signing in by someone who registered but never agreed): agree, then signed in. */
export async function acceptTermsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await refuseSignedIn();
  const userId = await readJourney("terms");
  if (!userId) redirect(journeyPath("/account/sign-in", safeReturnTo(formData.get("returnTo"))));
  const parsed = termsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: typedValues(formData) };
  const { sessionId } = await acceptTerms(await authDeps(), userId);
  await clearJourney("terms");
  return establishSession(sessionId, safeReturnTo(parsed.data.returnTo));
}
