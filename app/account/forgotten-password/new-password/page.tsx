import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { councilSettings } from "@/lib/config/council";
import { passwordRules } from "@/lib/auth/password-policy";
import { RequiredExplanation } from "@/components/required-label";
import { readResetJourney } from "../_parts/reset-journey";
import { RESET_PATHS } from "../_parts/reset-paths";
import { ResetNewPasswordForm } from "./new-password-form";
import { passwordPolicyFor } from "@/lib/auth/password-policy";

export const metadata: Metadata = { title: "Create a new password" };

/**
 * Forgotten password, step 3, reached only with a checked code. No Back link: the code has
 * been used up. The rules are worked out here, on the server, and sent as text.
 */
export default async function ResetNewPasswordPage() {
  const journey = await readResetJourney();
  if (journey?.stage !== "new-password") redirect(journey ? RESET_PATHS.code : RESET_PATHS.restart);
  return (
    <div className="max-w-[40em]">
      <ResetNewPasswordForm rules={passwordRules(passwordPolicyFor(councilSettings()))}>
        <h1 className="heading-xl mb-6">Create a new password</h1>
        <p className="mb-4">When you finish, you will be signed out everywhere you are signed in. You can then sign in with your new password.</p>
        <RequiredExplanation />
      </ResetNewPasswordForm>
    </div>
  );
}
