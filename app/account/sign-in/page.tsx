import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NotificationBanner } from "@/components/notification-banner";
import { currentUser } from "@/app/_auth/current-user";
import { safeReturnTo } from "@/app/_auth/return-to";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ returnTo?: string; expired?: string; reset?: string; activated?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const returnTo = safeReturnTo(params.returnTo);
  if (await currentUser()) redirect(returnTo);
  return (
    <div className="max-w-[40em]">
      {params.returnTo && !params.expired && (
        <NotificationBanner heading="Sign in to continue">
          <p>You need to sign in to see this page. If you were signed out because you had not done anything for a while, nothing you saved has been lost.</p>
        </NotificationBanner>
      )}
      {params.expired && (
        <NotificationBanner heading="Please sign in again">
          <p>It took too long to enter the code, so please start signing in again.</p>
        </NotificationBanner>
      )}
      {params.reset && (
        <NotificationBanner type="success" heading="Your password has been changed">
          <p>Sign in with your new password. You have been signed out on every other device.</p>
        </NotificationBanner>
      )}
      {params.activated && (
        <NotificationBanner type="success" heading="Your staff account is ready">
          <p>Sign in with your work email address and the password you chose. We will email you a code to finish signing in, as we will every time.</p>
        </NotificationBanner>
      )}
      <h1 className="heading-xl mb-6">Sign in</h1>
      <p className="mb-6">
        Enter your email address and password. We will then email you a code to finish signing in.
      </p>
      <SignInForm returnTo={returnTo} />
      <h2 className="heading-m mt-10 mb-3">No account yet?</h2>
      <p>
        <Link className="text-link underline" href={`/account/register?returnTo=${encodeURIComponent(returnTo)}`}>
          Register for a new account
        </Link>
      </p>
    </div>
  );
}
