import type { Metadata } from "next";
import { NotificationBanner } from "@/components/notification-banner";
import { BackLink } from "@/app/account/register/_parts/back-link";
import { RequiredExplanation } from "@/components/required-label";
import { ForgottenPasswordEmailForm } from "./email-form";

export const metadata: Metadata = { title: "Reset your password" };

/** Forgotten password, step 1. Open to everyone: the next page is the same for any address. */
export default async function ForgottenPasswordPage({ searchParams }: { searchParams: Promise<{ expired?: string }> }) {
  const { expired } = await searchParams;
  return (
    <div className="max-w-[40em]">
      <BackLink href="/account/sign-in" />
      <ForgottenPasswordEmailForm>
        {expired && (
          <NotificationBanner heading="Please start again">
            <p>It took too long, or the code can no longer be used. Enter your email address again and we will send you a new code.</p>
          </NotificationBanner>
        )}
        <h1 className="heading-xl mb-6">Reset your password</h1>
        <p className="mb-4">Enter your email address. If it belongs to an account, we will email you a code so that you can choose a new password.</p>
        <RequiredExplanation />
      </ForgottenPasswordEmailForm>
    </div>
  );
}
