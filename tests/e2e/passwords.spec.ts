import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./fixtures";
import { codeIn, nextEmailTo } from "./support/mailbox";
import { moveClock } from "./support/clock";
import { registerNewAccount } from "./support/register";
import { signIn } from "./support/sign-in";

test.describe("passwords, lockout and idle sign-out", () => {
  test("forgotten password: email, code, new password; the old session cookie is dead afterwards @core", async ({ page, browser, context, visit }) => {
    const account = await registerNewAccount(page, browser, "forgot");
    const before = await context.storageState();
    await page.getByRole("button", { name: "Logout" }).click();
    // Signed out before going on: a navigation straight away can cut the Logout post off.
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();

    await visit("/account/sign-in");
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
    await page.getByLabel("Email address").fill(account.email);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    const mail = await nextEmailTo(browser, account.email, new Set(), "Reset your password");
    await page.getByLabel("Code").fill(codeIn(mail.text));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create a new password" })).toBeVisible();
    const newPassword = "Lantern-Quarry-88-Mist";
    await page.getByLabel(/^New password/).fill(newPassword);
    await page.getByLabel("Confirm new password").fill(newPassword);
    await page.getByRole("button", { name: "Finish" }).click();
    await expect(page.getByText("Your password has been changed")).toBeVisible();

    // A cookie from before the reset no longer works.
    const old = await browser.newContext({ storageState: before });
    const oldPage = await old.newPage();
    await oldPage.goto(new URL("/account", page.url()).toString());
    await expect(oldPage).toHaveURL(/\/account\/sign-in/);
    await old.close();

    await signIn(page, browser, { email: account.email, password: newPassword });
    await expect(page.getByRole("heading", { level: 1, name: "My Account" })).toBeVisible();
  });

  test("change password lists every unmet rule and refuses a previous password", async ({ page, browser, visit }) => {
    const account = await registerNewAccount(page, browser, "change");
    await visit("/account/change-password");
    const fill = async (current: string, next: string) => {
      await page.getByLabel("Current password").fill(current);
      await page.getByLabel(/^New password/).fill(next);
      await page.getByLabel("Confirm new password").fill(next);
      await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Change password" }).click()]);
    };
    await fill(account.password, "weakpass");
    const error = page.locator("#newPassword-error");
    await expect(error).toContainText("at least 12 characters");
    await expect(error).toContainText("upper-case letter");
    await expect(error).toContainText("numerical digit");
    await expect(error).toContainText("special character");

    await fill(account.password, account.password);
    await expect(page.locator("#newPassword-error")).toContainText("must be different to your current password");

    // A passphrase needs no mix of characters and may have spaces; the hint says so.
    await expect(page.getByText("Or use a passphrase of at least 15 characters")).toBeVisible();
    await fill(account.password, "copper meadow rain");
    await expect(page.getByText("Your password has been changed")).toBeVisible();
  });

  test("a staff account from staff:create must choose its own password before any other page", async ({ page, browser }) => {
    const root = path.resolve(__dirname, "../..");
    const email = `staff.${randomUUID().slice(0, 8)}@council.example`;
    // Against the e2e portal's own embedded database (the tool finds it running in DATA_DIR).
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "lib/runtime/staff-create.ts", "--email", email, "--role", "caseworker"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: `.data/e2e-${process.env.E2E_PORT ?? 3100}`, NODE_ENV: "test" },
    });
    const password = stdout.split("\n").find((line) => line.startsWith("  "))?.trim() ?? "";
    expect(password).toMatch(/^([A-Za-z2-9]{5}-){3}[A-Za-z2-9]{5}$/);

    await signIn(page, browser, { email, password });
    await expect(page).toHaveURL(/\/account\/change-password$/);
    await expect(page.getByText("Choose your own password to continue")).toBeVisible();
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/account\/change-password$/);

    await page.getByLabel("Current password").fill(password);
    await page.getByLabel(/^New password/).fill("granite beacon thistle");
    await page.getByLabel("Confirm new password").fill("granite beacon thistle");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has been changed")).toBeVisible();
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff$/);
  });

  test("ten wrong passwords lock the account and its owner gets an email", async ({ page, browser, visit }) => {
    const account = await registerNewAccount(page, browser, "locked");
    await page.getByRole("button", { name: "Logout" }).click();
    // Signed out before going on: a navigation straight away can cut the Logout post off.
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
    await visit("/account/sign-in");
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await page.getByLabel("Email address").fill(account.email);
      await page.getByLabel("Password").fill(`Wrong-password-${attempt}!`);
      // Wait for each answer: the message is already on the page from the attempt before.
      await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
      await expect(page.locator("#email-error")).toContainText("Enter a correct email address and password");
    }
    const mail = await nextEmailTo(browser, account.email, new Set(), "Your account has been locked");
    expect(mail.text).toContain("locked for 15 minutes");
    // Even the right password is refused while locked, with the same message.
    await page.getByLabel("Email address").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#email-error")).toContainText("Enter a correct email address and password");
  });

  test("after the idle time the next page asks to sign in, then returns to that page", async ({ page, browser, request }) => {
    const account = await registerNewAccount(page, browser, "idle");
    await page.goto("/submitted");
    await moveClock(request, 31);
    try {
      await page.goto("/drafts");
      await expect(page).toHaveURL(/\/account\/sign-in\?returnTo=%2Fdrafts/);
      await moveClock(request, 0);
      await page.getByLabel("Email address").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const mail = await nextEmailTo(browser, account.email, new Set(), "Your sign-in code");
      await page.getByLabel("Code").fill(codeIn(mail.text));
      await page.getByRole("button", { name: "Finish" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Recover a form" })).toBeVisible();
    } finally {
      await moveClock(request, 0);
    }
  });

  test("the staff area is refused to a referrer", async ({ page, browser }) => {
    await registerNewAccount(page, browser, "notstaff");
    await page.goto("/staff");
    await expect(page.getByRole("heading", { level: 1, name: "You cannot see this page" })).toBeVisible();
  });
});
