import { PasswordField } from "@/app/account/_parts/password-field";

/** A password rule as the server worked it out (the policy module is too big to send to the browser). */
export type PasswordRuleText = { id: string; text: string };

export const NEW_PASSWORD_FIELDS = ["newPassword", "confirmNewPassword"] as const;

/**
 * "New password" with the council's rules listed in its hint, and "Confirm new password".
 * Shared by the forgotten-password, change-password and staff activation forms.
 */
export function NewPasswordFields({ rules, errors }: { rules: readonly PasswordRuleText[]; errors: Record<string, string> }) {
  return (
    <>
      <PasswordField name="newPassword" label="New password" isNew rules={{ intro: "Your new password must follow these rules:", list: rules }} error={errors.newPassword} />
      <PasswordField name="confirmNewPassword" label="Confirm new password" isNew error={errors.confirmNewPassword} />
    </>
  );
}
