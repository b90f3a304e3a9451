import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeReturnTo } from "@/app/_auth/return-to";
import { codePolicyFor } from "@/lib/auth/deps";
import { BackLink } from "../_parts/back-link";
import { REGISTER_PATHS, journeyPath } from "../_parts/journey-path";
import { openRegistration } from "../_parts/open-registration";
import { StepHeading } from "../_parts/step-heading";
import { CodeForm } from "./code-form";

export const metadata: Metadata = { title: "Check your email – step 3 of 4" };

export default async function RegisterCodePage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).returnTo);
  const { deps, registration } = await openRegistration(returnTo);
  if (!registration.email) redirect(journeyPath(REGISTER_PATHS.credentials, returnTo));
  const policy = codePolicyFor(deps.council);
  const changeEmail = journeyPath(REGISTER_PATHS.credentials, returnTo);
  return (
    <div className="max-w-[40em]">
      <BackLink href={changeEmail} />
      <CodeForm
        returnTo={returnTo}
        codeLength={policy.length}
        minutes={policy.lifetimeMinutes}
        heading={
          <>
            <StepHeading step={3}>Check your email</StepHeading>
            <p className="mb-4">
              We have just sent you an email with an {policy.length} digit code to <strong className="break-all">{registration.email}</strong>. Enter the
              code below to confirm your email address.
            </p>
            <p className="mb-4">The email can take up to 5 minutes to arrive. If you cannot find it, it may be in your spam or junk email folder.</p>
            <p className="mb-4">
              If you need another code, select &lsquo;Please send me a new code&rsquo;. You can ask for a new code once every {policy.resendCooldownSeconds}{" "}
              seconds. Any code we sent before will then stop working.
            </p>
            <p className="mb-6">
              If the email address is wrong,{" "}
              <Link className="text-link underline" href={changeEmail}>
                go back and change your email address
              </Link>
              .
            </p>
          </>
        }
      />
    </div>
  );
}
