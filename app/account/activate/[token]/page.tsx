import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { passwordPolicyFor, passwordRules } from "@/lib/auth/password-policy";
import { now } from "@/lib/clock";
import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import { openInvitation } from "@/lib/staff/invitations";
import { ActivateForm } from "./activate-form";

// The token in the address never leaves the site: the portal's Referrer-Policy sends no path to other sites (lib/security/headers.ts).
export const metadata: Metadata = { title: "Set up your staff account" };

/** A staff invitation's link: choose a password, or be told the link no longer works. */
export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await openInvitation(getDb(), appSettings().AUTH_SECRET, token, now());
  if (!invitation) {
    return (
      <div className="max-w-[40em]">
        <h1 className="heading-xl mb-6">This link no longer works</h1>
        <p className="mb-4">A link to set up a staff account can be used once, and lasts 7 days. It stops working when a newer invitation is sent or the invitation is withdrawn.</p>
        <p className="mb-4">If you have already set up your account, sign in. Otherwise ask your council&apos;s portal administrator to invite you again.</p>
        <p>
          <a href="/account/sign-in">Sign in</a>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-[40em]">
      <ActivateForm token={token} email={invitation.email} rules={passwordRules(passwordPolicyFor(councilSettings()))} />
    </div>
  );
}
