import type { FormState } from "@/app/_forms/form-state";
import { RequiredLabel } from "@/components/required-label";
import { TextInput } from "@/components/text-input";

/** The required "Email address" of an account, kept after an error. */
export function EmailField({ state, hint }: { state: FormState; hint: string }) {
  return (
    <TextInput
      id="email"
      name="email"
      type="email"
      label={<RequiredLabel text="Email address" />}
      hint={hint}
      autoComplete="email"
      spellCheck={false}
      defaultValue={state.values.email}
      error={state.errors.email}
    />
  );
}
