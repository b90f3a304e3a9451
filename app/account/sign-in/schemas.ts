import { z } from "zod";
import { EMAIL_MAX_LENGTH, emailAddressSchema } from "@/lib/mail/email-address";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(EMAIL_MAX_LENGTH, "Enter your email address").pipe(emailAddressSchema()),
  password: z.string().min(1, "Enter your password").max(128, "Enter your password"),
  returnTo: z.string().optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const signInCodeSchema = z.object({
  code: z.string().trim().min(1, "Enter the code from the email").max(40, "Enter the 8 digit code from the email"),
  returnTo: z.string().optional(),
});

/** What to say for each way a code can be refused. */
export const CODE_MESSAGES = {
  wrong: "The code is not correct. Check your email and try again",
  expired: "The code has expired. Select 'Please send me a new code'",
  used: "This code can no longer be used. Select 'Please send me a new code'",
  cancelled: "This code can no longer be used. Select 'Please send me a new code'",
  "no-code": "This code can no longer be used. Select 'Please send me a new code'",
  "too-many-guesses": "There have been too many wrong codes. Wait an hour, then sign in again",
} as const;

/** The code page's one form: "Please send me a new code" (intent=resend) needs no code; any other button is "Finish". */
export const signInCodePageSchema = z.preprocess(
  (form) => ({ ...(form as object), intent: (form as { intent?: unknown }).intent === "resend" ? "resend" : "finish" }),
  z.discriminatedUnion("intent", [z.object({ intent: z.literal("resend") }), signInCodeSchema.extend({ intent: z.literal("finish") })]),
);
