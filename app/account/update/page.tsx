import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotificationBanner } from "@/components/notification-banner";
import { requireUser } from "@/app/_auth/current-user";
import type { FormState } from "@/app/_forms/form-state";
import { getDb } from "@/db/client";
import type { RegistrationDetails } from "@/lib/auth/register";
import { findAccountDetails } from "@/lib/auth/update-account";
import { BackLink } from "@/app/account/register/_parts/back-link";
import { UpdateAccountForm } from "./update-account-form";
import { keptAccountState } from "./kept-account";

export const metadata: Metadata = { title: "Update Account" };

/** The saved details as the form's values (the checkbox posts "yes"; blanks are left out). */
function formStateFrom(details: RegistrationDetails): FormState {
  const { isProfessional, ...text } = details;
  const values: Record<string, string> = Object.fromEntries(Object.entries(text).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  if (isProfessional) values.isProfessional = "yes";
  return { errors: {}, values };
}

type Props = { searchParams: Promise<{ kept?: string }> };

/** With `kept` (sign-in returning after a post that came when the session had ended): what was typed then, not yet saved. */
export default async function UpdateAccountPage({ searchParams }: Props) {
  const { kept } = await searchParams;
  const user = await requireUser("/account/update");
  const details = await findAccountDetails(getDb(), user.userId);
  // A live session always has its user's row; without one there is nothing to show.
  if (!details) notFound();
  const keptState = kept ? await keptAccountState(user.userId, kept) : null;
  return (
    <div className="max-w-[40em]">
      <BackLink href="/account" />
      <UpdateAccountForm initialState={keptState ?? formStateFrom(details)}>
        {keptState && (
          <NotificationBanner type="success" heading="We kept what you typed">
            <p>You were signed out before your changes were saved. They are below: select &lsquo;Save changes&rsquo; to save them.</p>
          </NotificationBanner>
        )}
        <h1 className="heading-xl mb-6">Update Account</h1>
        <p className="mb-4">Change your name, whether you use the portal for your work, or your address, then select &lsquo;Save changes&rsquo;.</p>
        <p className="mb-6">
          To change your password,{" "}
          <Link className="text-link underline" href="/account/change-password">
            go to Change Password
          </Link>
          .
        </p>
      </UpdateAccountForm>
    </div>
  );
}
