/**
 * What each registration step accepts, and the words for what it refuses. Beside actions.ts
 * because a "use server" file may export only actions. Server-side only: the password check
 * pulls in the common-passwords list, so client forms must not import this file.
 */
import { z } from "zod";
import { councilSettings } from "@/lib/config/council";
import type { CodeCheck } from "@/lib/auth/codes";
import { COMPOSITION_RULE_IDS, DEFAULT_PASSPHRASE_MIN_LENGTH, checkPassword, passwordRules, type PasswordPolicy, type PasswordRuleId } from "@/lib/auth/password-policy";
import { personNameSchema } from "@/lib/auth/person-name";
import { EMAIL_MAX_LENGTH, emailAddressSchema } from "@/lib/mail/email-address";

export const NAME_MAX_LENGTH = 100;
export const ADDRESS_LINE_MAX_LENGTH = 100;
export const PASSWORD_MAX_LENGTH = 128;

const requiredText = (empty: string, label: string, max: number) =>
  z.string({ error: empty }).trim().min(1, empty).max(max, `${label} must be ${max} characters or fewer`);

/** Blank means not given: stored as undefined, never as "". */
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || undefined);

/** "sw1a1aa", " SW1A  1AA " → "SW1A 1AA": upper case, one space before the last three characters. */
export function normalisePostcode(input: string): string {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

// Loose on purpose: the shape of a UK postcode (outward code, space, inward code), not a lookup.
const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;

/** Step 1. Organisation and Role count only while "professional capacity" is ticked. */
export const registrationDetailsSchema = z
  .object({
    forename: personNameSchema({ empty: "Enter your forename", label: "Forename", maxLength: NAME_MAX_LENGTH }),
    surname: personNameSchema({ empty: "Enter your surname", label: "Surname", maxLength: NAME_MAX_LENGTH }),
    isProfessional: z
      .string()
      .optional()
      .transform((value) => value === "yes"),
    // Checked below only when ticked: the CSS-only reveal still posts them when unticked.
    organisation: z.string().optional(),
    jobRole: z.string().optional(),
    propertyName: optionalText("Property name", ADDRESS_LINE_MAX_LENGTH),
    houseNumber: optionalText("House number or name", ADDRESS_LINE_MAX_LENGTH),
    street: requiredText("Enter your street", "Street", ADDRESS_LINE_MAX_LENGTH),
    area: optionalText("Area", ADDRESS_LINE_MAX_LENGTH),
    town: optionalText("Town", ADDRESS_LINE_MAX_LENGTH),
    postcode: z
      .string({ error: "Enter a postcode" })
      .trim()
      .min(1, "Enter a postcode")
      .overwrite(normalisePostcode)
      .regex(UK_POSTCODE, "Enter a real postcode"),
    returnTo: z.string().optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.isProfessional) return;
    const professional = [
      ["organisation", "Enter your organisation", "Organisation"],
      ["jobRole", "Enter your role", "Role"],
    ] as const;
    for (const [field, empty, label] of professional) {
      const value = input[field]?.trim() ?? "";
      if (!value) ctx.addIssue({ code: "custom", path: [field], message: empty });
      else if (value.length > NAME_MAX_LENGTH) ctx.addIssue({ code: "custom", path: [field], message: `${label} must be ${NAME_MAX_LENGTH} characters or fewer` });
    }
  })
  .transform(({ returnTo, isProfessional, organisation, jobRole, ...address }) => ({
    returnTo,
    details: {
      ...address,
      isProfessional,
      organisation: isProfessional ? organisation?.trim() : undefined,
      jobRole: isProfessional ? jobRole?.trim() : undefined,
    },
  }));
export type RegistrationDetailsInput = z.infer<typeof registrationDetailsSchema>;

/** What the password messages and lists need: the length, and the passphrase length (default 15). */
type ListedPolicy = Pick<PasswordPolicy, "minLength"> & { passphraseMinLength?: number };

/** The rules listed beside the password fields. No "history": a new account has no old passwords. */
export function registrationPasswordRules(policy: ListedPolicy) {
  return passwordRules(policy).filter((rule) => rule.id !== "history");
}

/**
 * Every unmet rule in one message, in the order of the list beside the field; when the missing
 * mix of characters is among them, the passphrase way round it too.
 */
export function unmetPasswordRulesMessage(unmet: readonly PasswordRuleId[], policy: ListedPolicy): string {
  const parts = registrationPasswordRules(policy)
    .filter((rule) => unmet.includes(rule.id))
    .map((rule) => rule.text.replace(/^It must /, ""));
  const rules = parts.length <= 1 ? `Your password must ${parts[0] ?? "follow the rules listed"}` : `Your password must ${parts.slice(0, -1).join("; ")}; and ${parts.at(-1)}`;
  if (!unmet.some((id) => COMPOSITION_RULE_IDS.includes(id))) return rules;
  const passphraseLength = policy.passphraseMinLength ?? DEFAULT_PASSPHRASE_MIN_LENGTH;
  return `${rules}. Or use a passphrase of at least ${passphraseLength} characters, which needs no upper-case letters, digits or special characters`;
}

/** The account's email address, as registration and Forgotten password ask for it. */
export const accountEmailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(EMAIL_MAX_LENGTH, `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`)
  .pipe(emailAddressSchema());

/** Step 2. A factory, because the rules depend on the council's policy and the person's name. */
export function registrationCredentialsSchema(policy: ListedPolicy, person: { forename?: string; surname?: string }) {
  return z
    .object({
      email: accountEmailSchema,
      password: z
        .string({ error: "Enter a password" })
        .min(1, "Enter a password")
        .max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`),
      confirmPassword: z.string({ error: "Confirm your password" }).min(1, "Confirm your password"),
      returnTo: z.string().optional(),
    })
    .superRefine((input, ctx) => {
      const { password, confirmPassword } = input;
      if (typeof password === "string" && password.length > 0 && password.length <= PASSWORD_MAX_LENGTH) {
        const email = typeof input.email === "string" ? input.email : undefined;
        const unmet = checkPassword(password, policy, { email, forename: person.forename, surname: person.surname });
        if (unmet.length > 0) ctx.addIssue({ code: "custom", path: ["password"], message: unmetPasswordRulesMessage(unmet, policy) });
      }
      if (typeof confirmPassword === "string" && confirmPassword.length > 0 && confirmPassword !== password) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match" });
      }
    });
}

/** "1234 5678", "1234-5678" and "1234–5678" (a pasted en dash) are all "12345678". */
export function normaliseTypedCode(input: string): string {
  return input.replace(/[\s\-\u2010-\u2015]/g, "");
}

/** Step 3. */
export function registrationCodeSchema(codeLength: number) {
  return z.object({
    code: z
      .string({ error: "Enter the code from the email" })
      .overwrite(normaliseTypedCode)
      .min(1, "Enter the code from the email")
      .regex(new RegExp(`^[0-9]{${codeLength}}$`), `The code must be ${codeLength} digits`),
    returnTo: z.string().optional(),
  });
}

/** Too many wrong codes for this account in the last hour: even a right one waits (lib/auth/codes.ts). */
export const TOO_MANY_GUESSES_MESSAGE = "There have been too many wrong codes. Wait an hour, then select 'Please send me a new code'";

/**
 * What to say for each way a code can be refused. "no-code" reads as "wrong": an address that
 * already has an account is never sent a code, and must not get a different answer.
 */
export const REGISTRATION_CODE_MESSAGES: Record<Exclude<CodeCheck, "ok">, string> = {
  wrong: "The code is not correct. Check your email and try again",
  "no-code": "The code is not correct. Check your email and try again",
  expired: "The code has expired. Select 'Please send me a new code'",
  used: "This code can no longer be used. Select 'Please send me a new code'",
  cancelled: "This code can no longer be used. Select 'Please send me a new code'",
  "too-many-guesses": TOO_MANY_GUESSES_MESSAGE,
};

export const NEW_CODE_NOTICE = "We have sent you a new code. Any code we sent before will no longer work.";

/**
 * The wait before a new code, as the page shows it (the same words as signing in): seconds for
 * the resend cooldown, minutes for the hourly limit of codes (lib/auth/code-issuing.ts).
 */
export function cooldownMessage(seconds: number): string {
  if (seconds < 120) return `Wait ${seconds} ${seconds === 1 ? "second" : "seconds"} before asking for a new code`;
  return `Wait ${Math.ceil(seconds / 60)} minutes before asking for a new code`;
}

/** Step 4. */
export const termsSchema = z.object({
  agree: z.literal("yes", { error: "Select that you agree to the Terms and Conditions to continue" }),
  returnTo: z.string().optional(),
});

/**
 * Step 2 as posted. Its rules need the registration's names, known only once the action has
 * found it, so the action checks these with registrationCredentialsSchema.
 */
export const postedCredentialsSchema = z.object({ email: z.unknown(), password: z.unknown(), confirmPassword: z.unknown(), returnTo: z.unknown() });

/** Step 3 as the action reads it: the code's length is the council's, known once settings are read. */
export const postedRegistrationCodeSchema = z.lazy(() => registrationCodeSchema(councilSettings().codeLength));

/** Step 3, "Please send me a new code": nothing but where the person was going. */
export const resendRegistrationCodeSchema = z.object({ returnTo: z.string().optional() });

/** Where the person was going, from a post that failed its own schema (a refused post still follows its journey first). */
export const journeyReturnToSchema = z.object({ returnTo: z.string().optional().catch(undefined) }).catch({ returnTo: undefined });
