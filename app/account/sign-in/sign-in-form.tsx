"use client";

import { useActionState } from "react";
import Link from "next/link";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { signInAction } from "./actions";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, formAction] = useActionState(signInAction, EMPTY_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={errorList(state, ["email", "password"])} />
      <form action={formAction} noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextInput id="email" name="email" label="Email address" type="email" autoComplete="email" spellCheck={false} defaultValue={state.values.email} error={state.errors.email} />
        <TextInput id="password" name="password" label="Password" type="password" autoComplete="current-password" error={state.errors.password} />
        <p className="mb-6">
          <Link className="text-link underline" href="/account/forgotten-password">
            Forgotten your password?
          </Link>
        </p>
        <Button>Sign in</Button>
      </form>
    </>
  );
}
