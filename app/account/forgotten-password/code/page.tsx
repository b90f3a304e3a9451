import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { councilSettings } from "@/lib/config/council";
import { BackLink } from "@/app/account/register/_parts/back-link";
import { RequiredExplanation } from "@/components/required-label";
import { readResetJourney } from "../_parts/reset-journey";
import { RESET_PATHS } from "../_parts/reset-paths";
import { ResetCodeForm } from "./code-form";

export const metadata: Metadata = { title: "Check your email" };

/**
 * Forgotten password, step 2. The journey holds no email address, and the words are the same
 * whether or not one has an account, so the page never says which.
 */
export default async function ResetCodePage() {
  const journey = await readResetJourney();
  if (!journey) redirect(RESET_PATHS.restart);
  if (journey.stage === "new-password") redirect(RESET_PATHS.newPassword);
  const council = councilSettings();
  return (
    <div className="max-w-[40em]">
      <BackLink href={RESET_PATHS.email} />
      <ResetCodeForm codeLength={council.codeLength} minutes={council.codeLifetimeMinutes}>
        <h1 className="heading-xl mb-6">Check your email</h1>
        <p className="mb-4">If an account uses that email address, we have sent it an email with a code.</p>
        <p className="mb-4">The email can take up to 5 minutes to arrive. If you cannot find it, it may be in your spam or junk email folder.</p>
        <p className="mb-6">
          If the code has expired, or you did not get an email,{" "}
          <Link className="text-link underline" href={RESET_PATHS.email}>
            start again
          </Link>
          .
        </p>
        <RequiredExplanation />
      </ResetCodeForm>
    </div>
  );
}
