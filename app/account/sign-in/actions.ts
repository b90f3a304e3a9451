"use server";

import { redirect } from "next/navigation";
import { invalidFormState, stateAction } from "@/app/_actions/server-action";
import { authDeps } from "@/app/_auth/auth-deps";
import { clearJourney, readJourney, setJourney } from "@/app/_auth/journey-cookies";
import { establishSession } from "@/app/_auth/establish-session";
import { safeReturnTo } from "@/app/_auth/return-to";
import { typedValues, type FormState } from "@/app/_forms/form-state";
import type { PostedFields } from "@/lib/posted-fields";
import { beginSignIn, completeSignIn, resendSignInCode } from "@/lib/auth/sign-in";
import { cooldownMessage } from "@/app/account/register/schemas";
import { CODE_MESSAGES, signInCodePageSchema, signInSchema } from "./schemas";

const SIGN_IN_JOURNEY_MINUTES = 15;

export const signInAction = stateAction(
  { access: "anyone", schema: signInSchema, onInvalid: invalidFormState(["password"]) },
  async (input, { fields }): Promise<FormState> => {
    const values = typedValues(fields, ["password"]);
    const result = await beginSignIn(await authDeps(), input);
    if (result.status === "throttled") {
      return { errors: { email: `There have been too many attempts to sign in. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes` }, values };
    }
    if (result.status === "invalid") {
      // One message for a wrong email, a wrong password and a locked account: it says nothing about which.
      return { errors: { email: "Enter a correct email address and password. After too many attempts an account is locked for a while" }, values };
    }
    if (result.status === "disabled") {
      return { errors: { email: "Your account has been disabled. Ask your council's portal administrator if you need it again" }, values };
    }
    await setJourney("sign-in", result.userId, SIGN_IN_JOURNEY_MINUTES);
    redirect(`/account/sign-in/code?returnTo=${encodeURIComponent(safeReturnTo(input.returnTo))}`);
  },
);

/** Whose code this is: only the journey cookie says. Without one, back to sign in. */
async function signInJourney(): Promise<string> {
  const userId = await readJourney("sign-in");
  if (!userId) redirect("/account/sign-in?expired=1");
  return userId;
}

/** The code page's one form: "Finish" signs in; "Please send me a new code" (intent=resend) sends another. */
export const signInCodeAction = stateAction(
  {
    access: "anyone",
    schema: signInCodePageSchema,
    // An ended journey goes back to sign in before a malformed code is even mentioned.
    onInvalid: async (error, fields) => {
      await signInJourney();
      return invalidFormState(["intent"])(error, fields);
    },
  },
  async (input, { fields }): Promise<FormState> => {
    const userId = await signInJourney();
    if (input.intent === "resend") return resendCode(userId, fields);
    const values = typedValues(fields, ["intent"]);
    const result = await completeSignIn(await authDeps(), { userId, code: input.code });
    const returnTo = safeReturnTo(input.returnTo);
    if (result.status === "needs-terms") {
      await clearJourney("sign-in");
      await setJourney("terms", result.userId, SIGN_IN_JOURNEY_MINUTES);
      redirect(`/account/register/terms?returnTo=${encodeURIComponent(returnTo)}`);
    }
    if (result.status !== "signed-in") return { errors: { code: CODE_MESSAGES[result.status] }, values };
    await clearJourney("sign-in");
    return establishSession(result.sessionId, returnTo);
  },
);

async function resendCode(userId: string, fields: PostedFields): Promise<FormState> {
  const values = typedValues(fields, ["code", "intent"]);
  const result = await resendSignInCode(await authDeps(), userId);
  if (result.status === "cooldown") {
    return { errors: { code: cooldownMessage(result.retryAfterSeconds) }, values };
  }
  return { errors: {}, values, notice: "We have sent you a new code. Any code we sent before will no longer work." };
}
