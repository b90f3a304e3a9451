import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/app/_auth/current-user";
import { readJourney } from "@/app/_auth/journey-cookies";
import { safeReturnTo } from "@/app/_auth/return-to";
import { Prose } from "@/components/prose";
import { councilSettings } from "@/lib/config/council";
import { journeyPath } from "../_parts/journey-path";
import { StepHeading } from "../_parts/step-heading";
import { TermsForm } from "./terms-form";

export const metadata: Metadata = { title: "Terms and Conditions – step 4 of 4" };

/**
 * Reached after the emailed code has created the account, and from signing in by anyone who
 * registered but left before agreeing. No Back link: the code before it has been used up.
 */
export default async function RegisterTermsPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).returnTo);
  if (await currentUser()) redirect("/account");
  if (!(await readJourney("terms"))) redirect(journeyPath("/account/sign-in", returnTo));
  const council = councilSettings();
  return (
    <div className="max-w-[40em]">
      <TermsForm returnTo={returnTo}>
        <StepHeading step={4}>Terms and Conditions</StepHeading>
        <p className="mb-6">Your email address is confirmed. Please read these Terms and Conditions before you use the Children&apos;s Portal.</p>
        <Prose>
          <h2>Not for emergencies</h2>
          <p>
            The Children&apos;s Portal is not for emergencies. If a child is in immediate danger, call 999. Forms sent through the portal
            are read during office hours.
          </p>
          <h2>Using the portal</h2>
          <ul>
            <li>Use the portal only to send forms to {council.name}&apos;s children&apos;s services and to read our responses.</li>
            <li>Keep your password to yourself and do not let anyone else use your account.</li>
            <li>Sign out when you have finished, especially on a shared computer.</li>
          </ul>
          <h2>The information you give us</h2>
          <ul>
            <li>Make sure the information you give is accurate and complete, as far as you know it.</li>
            <li>Only share information about a child or family that you have a good reason to share, such as a concern for their safety or wellbeing.</li>
            <li>
              We use the information to decide how best to help the child and family. We may share it with other agencies where the law allows
              or requires us to, for example to keep a child safe.
            </li>
            <li>
              We keep forms you save but do not send for {council.draftRetentionDays} days from the day you start them, then delete them.
            </li>
          </ul>
          <p>
            Read our{" "}
            <Link className="text-link underline" href="/privacy">
              privacy notice
            </Link>{" "}
            to find out how we use and protect personal information.
          </p>
        </Prose>
      </TermsForm>
    </div>
  );
}
