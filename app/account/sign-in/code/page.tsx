import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { readJourney } from "@/app/_auth/journey-cookies";
import { safeReturnTo } from "@/app/_auth/return-to";
import { councilSettings } from "@/lib/config/council";
import { SignInCodeForm } from "./code-form";

export const metadata: Metadata = { title: "Check your email" };

export default async function SignInCodePage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).returnTo);
  if (!(await readJourney("sign-in"))) redirect(`/account/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  return (
    <div className="max-w-[40em]">
      <Link className="back-link mb-6 inline-block text-ink underline" href={`/account/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>
        Back
      </Link>
      <h1 className="heading-xl mb-6">Check your email</h1>
      <p className="mb-4">We have just sent you an email to confirm your account. It contains a code to finish signing in.</p>
      <p className="mb-6">The email can take a few minutes to arrive. Check your spam or junk folder if you cannot see it.</p>
      <SignInCodeForm returnTo={returnTo} minutes={councilSettings().codeLifetimeMinutes} codeLength={councilSettings().codeLength} />
    </div>
  );
}
