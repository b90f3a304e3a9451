import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authDeps } from "@/app/_auth/auth-deps";
import { currentUser } from "@/app/_auth/current-user";
import { readJourney } from "@/app/_auth/journey-cookies";
import { safeReturnTo } from "@/app/_auth/return-to";
import { EMPTY_FORM_STATE, type FormState } from "@/app/_forms/form-state";
import { findRegistration, type RegistrationDetails } from "@/lib/auth/register";
import { BackLink } from "./_parts/back-link";
import { journeyPath } from "./_parts/journey-path";
import { StepHeading } from "./_parts/step-heading";
import { DetailsForm } from "./details-form";

export const metadata: Metadata = { title: "Register for a new account – step 1 of 4" };

/** The form's values from a saved registration, so "Back" shows what was typed. */
function valuesFrom(details: RegistrationDetails): Record<string, string> {
  const { isProfessional, ...text } = details;
  const values: Record<string, string> = Object.fromEntries(Object.entries(text).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  if (isProfessional) values.isProfessional = "yes";
  return values;
}

async function savedDetails(): Promise<FormState> {
  const registrationId = await readJourney("registration");
  if (!registrationId) return EMPTY_FORM_STATE;
  const registration = await findRegistration(await authDeps(), registrationId);
  return registration ? { errors: {}, values: valuesFrom(registration.details) } : EMPTY_FORM_STATE;
}

export default async function RegisterDetailsPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).returnTo);
  if (await currentUser()) redirect("/account");
  return (
    <div className="max-w-[40em]">
      <BackLink href={journeyPath("/account/sign-in", returnTo)} />
      <DetailsForm
        returnTo={returnTo}
        initialState={await savedDetails()}
        heading={
          <>
            <StepHeading step={1}>Register for a new account</StepHeading>
            <p className="mb-4">Registering takes 4 steps: your details, your email address and a password, a code we email to you, and our Terms and Conditions.</p>
          </>
        }
      />
    </div>
  );
}
