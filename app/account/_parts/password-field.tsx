import { TextInput } from "@/components/text-input";
import { RequiredLabel } from "@/components/required-label";
import { PasswordRulesHint } from "./password-rules-hint";

type Props = {
  /** Also the field's id. */
  name: string;
  label: string;
  /** A password being chosen (the browser may suggest one) rather than the current one. */
  isNew: boolean;
  /** The council's rules, listed in the hint, for the field where the password is chosen. */
  rules?: { intro: string; list: readonly { id: string; text: string }[] };
  error: string | undefined;
};

/** A required password box. Never prefilled: passwords are not sent back after an error. */
export function PasswordField({ name, label, isNew, rules, error }: Props) {
  return (
    <TextInput
      id={name}
      name={name}
      type="password"
      label={<RequiredLabel text={label} />}
      hint={rules && <PasswordRulesHint intro={rules.intro} rules={rules.list} />}
      autoComplete={isNew ? "new-password" : "current-password"}
      spellCheck={false}
      error={error}
    />
  );
}
