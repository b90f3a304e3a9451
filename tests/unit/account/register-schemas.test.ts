import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstErrors } from "@/app/_forms/form-state";
import {
  REGISTRATION_CODE_MESSAGES,
  cooldownMessage,
  normalisePostcode,
  registrationCodeSchema,
  registrationCredentialsSchema,
  registrationDetailsSchema,
  registrationPasswordRules,
  termsSchema,
} from "@/app/account/register/schemas";

/** Field → first message, as the actions turn a failed parse into form state. */
function errorsOf<T>(result: z.ZodSafeParseResult<T>): Record<string, string> {
  if (result.success) return {};
  return firstErrors(z.flattenError(result.error).fieldErrors);
}

const details = {
  forename: "Sam",
  surname: "Jones",
  propertyName: "",
  houseNumber: "12",
  street: "High Street",
  area: "",
  town: "Wigan",
  postcode: "wn1 1aa",
};

describe("registrationDetailsSchema (step 1)", () => {
  it("asks for the mandatory fields, all at once", () => {
    expect(errorsOf(registrationDetailsSchema.safeParse({}))).toEqual({
      forename: "Enter your forename",
      surname: "Enter your surname",
      street: "Enter your street",
      postcode: "Enter a postcode",
    });
    expect(errorsOf(registrationDetailsSchema.safeParse({ ...details, forename: "   " }))).toEqual({ forename: "Enter your forename" });
  });

  it("refuses names carrying control or text-direction characters, with a message on each field (Update Account uses the same schema)", () => {
    expect(errorsOf(registrationDetailsSchema.safeParse({ ...details, forename: "Sam\u202Eynot", surname: "Jo\u0007nes" }))).toEqual({
      forename: "Forename must not include hidden formatting characters. Type it in rather than pasting it",
      surname: "Surname must not include hidden formatting characters. Type it in rather than pasting it",
    });
    expect(registrationDetailsSchema.parse({ ...details, forename: "Zoë", surname: "O'Brien-Nguyễn" }).details).toMatchObject({ forename: "Zoë", surname: "O'Brien-Nguyễn" });
  });

  it("requires Organisation and Role only when the professional box is ticked", () => {
    expect(errorsOf(registrationDetailsSchema.safeParse({ ...details, isProfessional: "yes", organisation: " ", jobRole: "" }))).toEqual({
      organisation: "Enter your organisation",
      jobRole: "Enter your role",
    });
    // Checked even when another field is wrong, so every message shows after one submit.
    expect(errorsOf(registrationDetailsSchema.safeParse({ ...details, forename: "", isProfessional: "yes" }))).toEqual({
      forename: "Enter your forename",
      organisation: "Enter your organisation",
      jobRole: "Enter your role",
    });
    const ticked = registrationDetailsSchema.parse({ ...details, isProfessional: "yes", organisation: " Wigan High School ", jobRole: "Teacher" });
    expect(ticked.details).toMatchObject({ isProfessional: true, organisation: "Wigan High School", jobRole: "Teacher" });
  });

  it("ignores Organisation and Role when the box is not ticked, even if they were typed", () => {
    const result = registrationDetailsSchema.safeParse({ ...details, organisation: "x".repeat(500), jobRole: "Teacher" });
    expect(result.success).toBe(true);
    expect(result.data?.details).toMatchObject({ isProfessional: false, organisation: undefined, jobRole: undefined });
    expect(registrationDetailsSchema.parse({ ...details, isProfessional: "no", organisation: "School" }).details.organisation).toBeUndefined();
  });

  it("normalises the postcode to upper case with one space, and refuses what is not a postcode", () => {
    expect(registrationDetailsSchema.parse(details).details.postcode).toBe("WN1 1AA");
    expect(registrationDetailsSchema.parse({ ...details, postcode: " sw1a1aa " }).details.postcode).toBe("SW1A 1AA");
    expect(normalisePostcode("m1  1ae")).toBe("M1 1AE");
    expect(errorsOf(registrationDetailsSchema.safeParse({ ...details, postcode: "12345" }))).toEqual({ postcode: "Enter a real postcode" });
    expect(errorsOf(registrationDetailsSchema.safeParse({ ...details, postcode: "WN1 1AA!" }))).toEqual({ postcode: "Enter a real postcode" });
  });

  it("stores blank optional lines as undefined and enforces the 100-character limits", () => {
    const parsed = registrationDetailsSchema.parse({ ...details, returnTo: "/forms/x" });
    expect(parsed.returnTo).toBe("/forms/x");
    expect(parsed.details).toEqual({
      forename: "Sam",
      surname: "Jones",
      isProfessional: false,
      organisation: undefined,
      jobRole: undefined,
      propertyName: undefined,
      houseNumber: "12",
      street: "High Street",
      area: undefined,
      town: "Wigan",
      postcode: "WN1 1AA",
    });
    expect(errorsOf(registrationDetailsSchema.safeParse({ ...details, surname: "a".repeat(101), town: "b".repeat(101) }))).toEqual({
      surname: "Surname must be 100 characters or fewer",
      town: "Town must be 100 characters or fewer",
    });
    expect(registrationDetailsSchema.safeParse({ ...details, forename: "a".repeat(100) }).success).toBe(true);
  });
});

describe("registrationCredentialsSchema (step 2)", () => {
  const policy = { minLength: 12 };
  const schema = registrationCredentialsSchema(policy, { forename: "Samantha", surname: "Jones" });
  const good = "Tr0ub4dor&3xyz";

  it("accepts a good email address and password", () => {
    const result = schema.safeParse({ email: " Sam@Example.com ", password: good, confirmPassword: good });
    expect(result.success).toBe(true);
    expect(result.data?.email).toBe("Sam@Example.com");
  });

  it("asks for each empty field", () => {
    expect(errorsOf(schema.safeParse({ email: "", password: "", confirmPassword: "" }))).toEqual({
      email: "Enter your email address",
      password: "Enter a password",
      confirmPassword: "Confirm your password",
    });
  });

  it("refuses an email address in the wrong format", () => {
    expect(errorsOf(schema.safeParse({ email: "sam.example.com", password: good, confirmPassword: good }))).toEqual({
      email: "Enter an email address in the correct format, like name@example.com",
    });
  });

  it("says when the passwords do not match", () => {
    expect(errorsOf(schema.safeParse({ email: "sam@example.com", password: good, confirmPassword: `${good}!` }))).toEqual({
      confirmPassword: "The passwords do not match",
    });
  });

  it("lists every unmet password rule at once, in the order shown beside the field", () => {
    expect(errorsOf(schema.safeParse({ email: "sam@example.com", password: "abc", confirmPassword: "abc" }))).toEqual({
      password:
        "Your password must be at least 12 characters long; contain at least one upper-case letter; contain at least one numerical digit; and contain at least one special character (such as ? ! % * $). Or use a passphrase of at least 15 characters, which needs no upper-case letters, digits or special characters",
    });
    expect(errorsOf(schema.safeParse({ email: "sam@example.com", password: "abcdefghijkL1", confirmPassword: "abcdefghijkL1" }))).toEqual({
      password: "Your password must contain at least one special character (such as ? ! % * $). Or use a passphrase of at least 15 characters, which needs no upper-case letters, digits or special characters",
    });
  });

  it("refuses a password built on the person's own name or email address", () => {
    const withName = "Samantha123!!";
    expect(errorsOf(schema.safeParse({ email: "sam@example.com", password: withName, confirmPassword: withName })).password).toBe(
      "Your password must not be a commonly used password",
    );
    const withEmail = "Xqzmailbox99!";
    expect(errorsOf(schema.safeParse({ email: "xqzmailbox@example.com", password: withEmail, confirmPassword: withEmail })).password).toBe(
      "Your password must not be a commonly used password",
    );
  });

  it("accepts a passphrase of 15 or more characters with spaces and no mix of characters, but not the person's name", () => {
    const passphrase = "kettle lantern meadow";
    expect(errorsOf(schema.safeParse({ email: "sam@example.com", password: passphrase, confirmPassword: passphrase }))).toEqual({});
    const named = "samantha goes to the seaside";
    expect(errorsOf(schema.safeParse({ email: "x@example.com", password: named, confirmPassword: named })).password).toBe("Your password must not be a commonly used password");
  });

  it("caps the password at 128 characters", () => {
    const long = `A1!${"a".repeat(126)}`;
    expect(errorsOf(schema.safeParse({ email: "sam@example.com", password: long, confirmPassword: long }))).toEqual({
      password: "Password must be 128 characters or fewer",
    });
  });

  it("lists the policy without the history rule, which a new account cannot break", () => {
    const rules = registrationPasswordRules(policy);
    expect(rules.map((rule) => rule.id)).not.toContain("history");
    expect(rules[0]?.text).toBe("It must be at least 12 characters long");
  });
});

describe("registrationCodeSchema (step 3)", () => {
  const schema = registrationCodeSchema(8);

  it("accepts a code pasted with spaces or a dash", () => {
    expect(schema.parse({ code: "1234 5678" }).code).toBe("12345678");
    expect(schema.parse({ code: " 1234-5678 " }).code).toBe("12345678");
    expect(schema.parse({ code: "1234\u20135678" }).code).toBe("12345678");
  });

  it("asks for the code, and for 8 digits", () => {
    expect(errorsOf(schema.safeParse({ code: "  " }))).toEqual({ code: "Enter the code from the email" });
    expect(errorsOf(schema.safeParse({}))).toEqual({ code: "Enter the code from the email" });
    expect(errorsOf(schema.safeParse({ code: "1234567" }))).toEqual({ code: "The code must be 8 digits" });
    expect(errorsOf(schema.safeParse({ code: "1234567a" }))).toEqual({ code: "The code must be 8 digits" });
  });

  it("answers 'no code' exactly like a wrong code, so a registered address is not given away", () => {
    expect(REGISTRATION_CODE_MESSAGES["no-code"]).toBe(REGISTRATION_CODE_MESSAGES.wrong);
  });
});

describe("cooldownMessage", () => {
  it("gives the resend cooldown in seconds and the hourly limit of codes in minutes", () => {
    expect(cooldownMessage(1)).toBe("Wait 1 second before asking for a new code");
    expect(cooldownMessage(40)).toBe("Wait 40 seconds before asking for a new code");
    expect(cooldownMessage(3500)).toBe("Wait 59 minutes before asking for a new code");
  });
});

describe("termsSchema (step 4)", () => {
  it("needs the box ticked", () => {
    expect(errorsOf(termsSchema.safeParse({}))).toEqual({ agree: "Select that you agree to the Terms and Conditions to continue" });
    expect(errorsOf(termsSchema.safeParse({ agree: "no" }))).toEqual({ agree: "Select that you agree to the Terms and Conditions to continue" });
    expect(termsSchema.safeParse({ agree: "yes" }).success).toBe(true);
  });
});
