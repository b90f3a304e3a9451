"use client";

import { useActionState } from "react";
import Link from "next/link";
import { Button } from "@/components/button";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { signInAction } from "./actions";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, formAction] = useActionState(signInAction, EMPTY_FORM_STATE);
  return (
    <AccountForm state={state} fieldOrder={["email", "password"]} action={formAction} returnTo={returnTo}>
      <TextInput id="email" name="email" label="Email address" type="email" autoComplete="email" spellCheck={false} defaultValue={state.values.email} error={state.errors.email} />
      <TextInput id="password" name="password" label="Password" type="password" autoComplete="current-password" error={state.errors.password} />
      <p className="mb-6">
        <Link className="text-link underline" href="/account/forgotten-password">
          Forgotten your password?
        </Link>
      </p>
      <Button>Sign in</Button>
    </AccountForm>
  );
}
