import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authDeps } from "@/app/_auth/auth-deps";
import { currentUser } from "@/app/_auth/current-user";
import { readJourney } from "@/app/_auth/journey-cookies";
import { safeReturnTo } from "@/app/_auth/return-to";
import { findRegistration } from "@/lib/auth/register";
import { BackLink } from "../_parts/back-link";
import { REGISTER_PATHS, journeyPath } from "../_parts/journey-path";
import { StepHeading } from "../_parts/step-heading";
import { registrationPasswordRules } from "../schemas";
import { CredentialsForm } from "./credentials-form";
import { passwordPolicyFor } from "@/lib/auth/password-policy";

export const metadata: Metadata = { title: "Your email address and password – step 2 of 4" };

export default async function RegisterCredentialsPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).returnTo);
  if (await currentUser()) redirect("/account");
  const registrationId = await readJourney("registration");
  const deps = await authDeps();
  const registration = registrationId ? await findRegistration(deps, registrationId) : null;
  if (!registration) redirect(journeyPath(REGISTER_PATHS.details, returnTo));
  return (
    <div className="max-w-[40em]">
      <BackLink href={journeyPath(REGISTER_PATHS.details, returnTo)} />
      <CredentialsForm
        returnTo={returnTo}
        initialState={{ errors: {}, values: registration.email ? { email: registration.email } : {} }}
        passwordRules={registrationPasswordRules(passwordPolicyFor(deps.council))}
        heading={<StepHeading step={2}>Your email address and password</StepHeading>}
      />
    </div>
  );
}
