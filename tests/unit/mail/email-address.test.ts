import { describe, expect, it } from "vitest";
import { EMAIL_FORMAT_MESSAGE, emailAddressSchema, isEmailAddress } from "@/lib/mail/email-address";
import { signInSchema } from "@/app/account/sign-in/schemas";

describe("isEmailAddress: the one rule, the stricter of the two the portal had", () => {
  it("accepts everyday addresses, apostrophes and plus tags included", () => {
    for (const address of ["sam@example.com", "Jo.Smith@Example.GOV.uk", "o'brien@school.sch.uk", "sam+portal@example.org", "a_b-c@sub.domain-name.co.uk"]) {
      expect(isEmailAddress(address), address).toBe(true);
    }
  });

  it("refuses what zod's rule refused before the @ (the form questions took these)", () => {
    for (const address of ["jo..smith@example.com", ".jo@example.com", "jo.@example.com", "jo!x@example.com", "jo#x@example.com", '"jo"@example.com']) {
      expect(isEmailAddress(address), address).toBe(false);
    }
  });

  it("refuses what the form questions' rule refused after the @ (zod took these)", () => {
    for (const address of ["jo@example-.com", "jo@-example.com"]) expect(isEmailAddress(address), address).toBe(false);
  });

  it("refuses the plainly wrong, and anything over 254 characters", () => {
    for (const address of ["jo", "jo@", "@example.com", "jo@example", "jo smith@example.com", "jo@@example.com", "jo@exa_mple.com", "jo@127.0.0.1", `${"a".repeat(64)}@${"b".repeat(186)}.com`]) {
      expect(isEmailAddress(address), address).toBe(false);
    }
    expect(isEmailAddress(`${"a".repeat(64)}@${"b".repeat(185)}.com`)).toBe(true);
  });

  it("says so in GOV.UK's words, in schemas too", () => {
    expect(EMAIL_FORMAT_MESSAGE).toBe("Enter an email address in the correct format, like name@example.com");
    expect(emailAddressSchema().safeParse("jo..smith@example.com").error?.issues[0]?.message).toBe(EMAIL_FORMAT_MESSAGE);
    expect(signInSchema.safeParse({ email: "jo@example-.com", password: "x" }).error?.issues[0]?.message).toBe(EMAIL_FORMAT_MESSAGE);
  });
});
