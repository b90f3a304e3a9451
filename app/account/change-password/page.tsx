import type { Metadata } from "next";
import { requireUser } from "@/app/_auth/current-user";
import { NotificationBanner } from "@/components/notification-banner";
import { councilSettings } from "@/lib/config/council";
import { passwordPolicyFor, passwordRules } from "@/lib/auth/password-policy";
import { BackLink } from "@/app/account/register/_parts/back-link";
import { RequiredExplanation } from "@/components/required-label";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change your password" };

/**
 * Change password (signed in). The rules are worked out here, on the server, and sent as text.
 * A user whose password someone else chose (staff:create) is kept here until they change it.
 */
export default async function ChangePasswordPage() {
  const user = await requireUser("/account/change-password");
  return (
    <div className="max-w-[40em]">
      {!user.mustChangePassword && <BackLink href="/account/update" />}
      <ChangePasswordForm rules={passwordRules(passwordPolicyFor(councilSettings()))}>
        {user.mustChangePassword && (
          <NotificationBanner heading="Choose your own password to continue">
            <p>Your password was set up for you. Choose a new one that only you know before you use the portal.</p>
          </NotificationBanner>
        )}
        <h1 className="heading-xl mb-6">Change your password</h1>
        <p className="mb-4">
          Change your password straight away if you think someone else knows it, or if there has been a data breach at your organisation.
        </p>
        <p className="mb-4">When you change your password, you will be signed out on every other device or browser where you are signed in.</p>
        <RequiredExplanation />
      </ChangePasswordForm>
    </div>
  );
}
