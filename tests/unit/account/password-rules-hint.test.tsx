import { describe, expect, it } from "vitest";
import { PasswordRulesHint } from "@/app/account/_parts/password-rules-hint";
import { passwordRules } from "@/lib/auth/password-policy";
import { render } from "@/tests/unit/components/markup";

describe("PasswordRulesHint", () => {
  it("lists the rules, then tells people a long passphrase needs none of the character mix and may have spaces", () => {
    const html = render(<PasswordRulesHint intro="Your password must follow these rules:" rules={passwordRules({ minLength: 12, history: 8, passphraseMinLength: 15 })} />);
    const list = html.slice(html.indexOf("<ul"), html.indexOf("</ul>"));
    expect(list).toContain("It must contain at least one upper-case letter");
    expect(list).not.toContain("passphrase");
    expect(html.slice(html.indexOf("</ul>"))).toContain(
      "<p class=\"mt-2\">Or use a passphrase of at least 15 characters, such as four random words: it does not need upper-case letters, digits or special characters, and it may contain spaces.</p>",
    );
  });
});
