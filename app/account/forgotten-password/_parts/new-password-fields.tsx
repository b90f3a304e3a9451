import { TextInput } from "@/components/text-input";
import { RequiredLabel } from "@/app/account/register/_parts/required-label";
import { PasswordRulesHint } from "@/app/account/_parts/password-rules-hint";

/** A password rule as the server worked it out (the policy module is too big to send to the browser). */
export type PasswordRuleText = { id: string; text: string };

export const NEW_PASSWORD_FIELDS = ["newPassword", "confirmNewPassword"] as const;

/**
 * "New password" with the council's rules listed in its hint, and "Confirm new password".
 * Shared by the forgotten-password and change-password forms. Never prefilled: passwords are
 * not sent back after an error.
 */
export function NewPasswordFields({ rules, errors }: { rules: readonly PasswordRuleText[]; errors: Record<string, string> }) {
  return (
    <>
      <TextInput
        id="newPassword"
        name="newPassword"
        type="password"
        label={<RequiredLabel text="New password" />}
        hint={<PasswordRulesHint intro="Your new password must follow these rules:" rules={rules} />}
        autoComplete="new-password"
        spellCheck={false}
        error={errors.newPassword}
      />
      <TextInput
        id="confirmNewPassword"
        name="confirmNewPassword"
        type="password"
        label={<RequiredLabel text="Confirm new password" />}
        autoComplete="new-password"
        spellCheck={false}
        error={errors.confirmNewPassword}
      />
    </>
  );
}
