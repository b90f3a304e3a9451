import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstErrors } from "@/app/_forms/form-state";
import { changePasswordSchema } from "@/app/account/change-password/schemas";
import {
  RESET_CODE_MESSAGES,
  forgottenPasswordSchema,
  newPasswordProblemMessage,
  newPasswordSchema,
  resetCodeSchema,
  reusedPasswordMessage,
} from "@/app/account/forgotten-password/schemas";

/** Field → first message, as the actions turn a failed parse into form state. */
function errorsOf<T>(result: z.ZodSafeParseResult<T>): Record<string, string> {
  if (result.success) return {};
  return firstErrors(z.flattenError(result.error).fieldErrors);
}

const GOOD = "Correct-Horse-9-Battery";
const policy = { minLength: 12, history: 8 };
const PASSPHRASE_WAY = ". Or use a passphrase of at least 15 characters, which needs no upper-case letters, digits or special characters";

describe("forgottenPasswordSchema (step 1)", () => {
  it("asks for an email address and checks its shape", () => {
    expect(errorsOf(forgottenPasswordSchema.safeParse({}))).toEqual({ email: "Enter your email address" });
    expect(errorsOf(forgottenPasswordSchema.safeParse({ email: "   " }))).toEqual({ email: "Enter your email address" });
    expect(errorsOf(forgottenPasswordSchema.safeParse({ email: "jo.example.org" }))).toEqual({ email: "Enter an email address in the correct format, like name@example.com" });
    expect(errorsOf(forgottenPasswordSchema.safeParse({ email: `${"a".repeat(250)}@b.org` }))).toEqual({ email: "Email address must be 254 characters or fewer" });
  });

  it("trims the address and takes nothing else", () => {
    expect(forgottenPasswordSchema.parse({ email: " jo@example.org ", userId: "someone-else" })).toEqual({ email: "jo@example.org" });
  });
});

describe("resetCodeSchema (step 2)", () => {
  it("accepts a pasted code with spaces or dashes, and asks for a missing one", () => {
    expect(resetCodeSchema(8).parse({ code: " 1234 5678 " }).code).toBe("12345678");
    expect(resetCodeSchema(8).parse({ code: "1234-5678" }).code).toBe("12345678");
    expect(errorsOf(resetCodeSchema(8).safeParse({ code: "" }))).toEqual({ code: "Enter the code from the email" });
    expect(errorsOf(resetCodeSchema(8).safeParse({ code: "1234" }))).toEqual({ code: "The code must be 8 digits" });
  });

  it("gives no-code exactly the wrong-code answer, so an unknown address looks the same", () => {
    expect(RESET_CODE_MESSAGES["no-code"]).toBe(RESET_CODE_MESSAGES.wrong);
    expect(RESET_CODE_MESSAGES.wrong).toBe("The code is not correct. Check your email and try again");
    expect(RESET_CODE_MESSAGES.expired).toBe("The code has expired. Start again");
    expect(RESET_CODE_MESSAGES.used).toBe("This code can no longer be used. Start again");
    expect(RESET_CODE_MESSAGES.cancelled).toBe(RESET_CODE_MESSAGES.used);
  });
});

describe("newPasswordSchema (step 3)", () => {
  it("asks for both fields, all at once", () => {
    expect(errorsOf(newPasswordSchema.safeParse({}))).toEqual({ newPassword: "Enter a new password", confirmNewPassword: "Confirm your new password" });
    expect(errorsOf(newPasswordSchema.safeParse({ newPassword: "", confirmNewPassword: "" }))).toEqual({
      newPassword: "Enter a new password",
      confirmNewPassword: "Confirm your new password",
    });
  });

  it("says when the confirmation does not match, even beside another error", () => {
    expect(errorsOf(newPasswordSchema.safeParse({ newPassword: GOOD, confirmNewPassword: `${GOOD}x` }))).toEqual({ confirmNewPassword: "The passwords do not match" });
    expect(errorsOf(newPasswordSchema.safeParse({ newPassword: "", confirmNewPassword: GOOD }))).toEqual({
      newPassword: "Enter a new password",
      confirmNewPassword: "The passwords do not match",
    });
  });

  it("allows 128 characters and refuses 129", () => {
    const longest = `Aa1!${"x".repeat(124)}`;
    expect(newPasswordSchema.safeParse({ newPassword: longest, confirmNewPassword: longest }).success).toBe(true);
    expect(errorsOf(newPasswordSchema.safeParse({ newPassword: `${longest}y`, confirmNewPassword: `${longest}y` }))).toEqual({
      newPassword: "New password must be 128 characters or fewer",
    });
  });

  it("keeps the password exactly as typed (no trimming)", () => {
    expect(newPasswordSchema.parse({ newPassword: ` ${GOOD} `, confirmNewPassword: ` ${GOOD} ` }).newPassword).toBe(` ${GOOD} `);
  });
});

describe("changePasswordSchema", () => {
  it("asks for every field, all at once", () => {
    expect(errorsOf(changePasswordSchema.safeParse({}))).toEqual({
      currentPassword: "Enter your current password",
      newPassword: "Enter a new password",
      confirmNewPassword: "Confirm your new password",
    });
  });

  it("checks the confirmation and the 128-character limit", () => {
    expect(errorsOf(changePasswordSchema.safeParse({ currentPassword: "old", newPassword: GOOD, confirmNewPassword: "other" }))).toEqual({
      confirmNewPassword: "The passwords do not match",
    });
    expect(errorsOf(changePasswordSchema.safeParse({ currentPassword: "x".repeat(129), newPassword: GOOD, confirmNewPassword: GOOD }))).toEqual({
      currentPassword: "Your current password is not correct",
    });
    expect(errorsOf(changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "x".repeat(129), confirmNewPassword: "x".repeat(129) }))).toEqual({
      newPassword: "New password must be 128 characters or fewer",
    });
  });

  it("takes only its own fields", () => {
    const parsed = changePasswordSchema.parse({ currentPassword: "old", newPassword: GOOD, confirmNewPassword: GOOD, userId: "someone-else" });
    expect(parsed).toEqual({ currentPassword: "old", newPassword: GOOD, confirmNewPassword: GOOD });
  });
});

describe("messages for a password lib refused", () => {
  it("names the history count in the reuse message", () => {
    expect(reusedPasswordMessage(8)).toBe("Your new password must be different to your current password and your previous 8 passwords");
    expect(reusedPasswordMessage(1)).toBe("Your new password must be different to your current password and your previous password");
    expect(reusedPasswordMessage(0)).toBe("Your new password must be different to your current password");
    expect(newPasswordProblemMessage({ status: "reused" }, { minLength: 12, history: 3 })).toBe(
      "Your new password must be different to your current password and your previous 3 passwords",
    );
  });

  it("lists every unmet rule in one message, in the order of the rules", () => {
    const message = newPasswordProblemMessage({ status: "policy", failures: ["length", "upper", "digit", "special"] }, policy);
    expect(message).toBe(
      `Your password must be at least 12 characters long; contain at least one upper-case letter; contain at least one numerical digit; and contain at least one special character (such as ? ! % * $)${PASSPHRASE_WAY}`,
    );
    expect(newPasswordProblemMessage({ status: "policy", failures: ["common"] }, policy)).toBe("Your password must not be a commonly used password");
  });
});
