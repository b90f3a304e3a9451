import type { Metadata } from "next";
import { safeReturnTo } from "@/app/_auth/return-to";
import { BackLink } from "../_parts/back-link";
import { REGISTER_PATHS, journeyPath } from "../_parts/journey-path";
import { openRegistration } from "../_parts/open-registration";
import { StepHeading } from "../_parts/step-heading";
import { registrationPasswordRules } from "../schemas";
import { CredentialsForm } from "./credentials-form";
import { passwordPolicyFor } from "@/lib/auth/password-policy";

export const metadata: Metadata = { title: "Your email address and password – step 2 of 4" };

export default async function RegisterCredentialsPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).returnTo);
  const { deps, registration } = await openRegistration(returnTo);
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
