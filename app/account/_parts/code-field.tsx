import type { ReactNode } from "react";
import { TextInput } from "@/components/text-input";
import type { FormState } from "@/app/_forms/form-state";

type Props = { state: FormState; codeLength: number; minutes: number; label?: ReactNode };

/** The field for an emailed one-time code: numeric keypad, filled by the phone's code autofill. */
export function CodeField({ state, codeLength, minutes, label = "Code" }: Props) {
  return (
    <TextInput
      id="code"
      name="code"
      label={label}
      hint={`The code is ${codeLength} digits and lasts ${minutes} minutes. You can paste it with or without spaces.`}
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      width="10"
      defaultValue={state.values.code}
      error={state.errors.code}
    />
  );
}
