import { expect, test } from "./fixtures";
import { codeIn, mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { moveClock } from "./support/clock";
import { registerNewAccount } from "./support/register";
import { signIn } from "./support/sign-in";

// The demo referrer seeded on the embedded database.
const REFERRER = { email: "referrer@demo-school.example", password: "Referrer-demo-2026!" };

test.describe("signing in with a password and an emailed code", () => {
  test("a referrer signs in, lands where they were going, and signs out @core", async ({ page, visit, browser }) => {
    const seen = await mailSeenSoFar(browser, REFERRER.email);
    await visit("/drafts");
    await expect(page).toHaveURL(/\/account\/sign-in\?returnTo=%2Fdrafts/);
    await page.getByLabel("Email address").fill(REFERRER.email);
    await page.getByLabel("Password").fill(REFERRER.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    const email = await nextEmailTo(browser, REFERRER.email, seen, "Your sign-in code");
    const code = codeIn(email.text);
    // Pasted with a space in the middle, as from some mail programs.
    await page.getByLabel("Code").fill(`${code.slice(0, 4)} ${code.slice(4)}`);
    await page.getByRole("button", { name: "Finish" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Recover a form" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Riley Referrer");
    await page.getByRole("button", { name: "Logout" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/account\/sign-in/);
  });

  test("a wrong password and an unknown email get the same message @core", async ({ page, visit }) => {
    await visit("/account/sign-in");
    await page.getByLabel("Email address").fill(REFERRER.email);
    await page.getByLabel("Password").fill("Not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("link", { name: /Enter a correct email address and password/ });
    await expect(summary).toBeVisible();
    const wrongPassword = await page.locator("#email-error").textContent();
    await expect(page.getByLabel("Email address")).toHaveValue(REFERRER.email);

    await page.getByLabel("Email address").fill("nobody-here@example.org");
    await page.getByLabel("Password").fill(REFERRER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email address")).toHaveValue("nobody-here@example.org");
    await expect(page.locator("#email-error")).toHaveText(wrongPassword ?? "");
  });

  test("a code used twice, an expired code and the older of two codes are refused", async ({ page, visit, browser, request }) => {
    // An account of its own: wrong codes count per account for an hour, and runs may follow each other.
    const account = await registerNewAccount(page, browser, "codes");
    await page.getByRole("button", { name: "Logout" }).click();
    // Signed out before going on: a navigation straight away can cut the Logout post off.
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
    const seen = await mailSeenSoFar(browser, account.email);
    const signInUpToCode = async () => {
      await visit("/account/sign-in");
      await page.getByLabel("Email address").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
      return codeIn((await nextEmailTo(browser, account.email, seen, "Your sign-in code")).text);
    };
    const enter = async (code: string) => {
      await page.getByLabel("Code").fill(code);
      await page.getByRole("button", { name: "Finish" }).click();
    };

    // Older of two: ask for a new code, then type the first one.
    const first = await signInUpToCode();
    await moveClock(request, 2); // past the resend cooldown
    await page.getByRole("button", { name: "Please send me a new code" }).click();
    await expect(page.getByText("Any code we sent before will no longer work")).toBeVisible();
    const second = codeIn((await nextEmailTo(browser, account.email, seen, "Your sign-in code")).text);
    await enter(first);
    await expect(page.locator("#code-error")).toContainText("The code is not correct");

    // Expired: the clock moves past the code's lifetime.
    await moveClock(request, 2 + 11);
    await enter(second);
    await expect(page.locator("#code-error")).toContainText("The code has expired");
    await moveClock(request, 0);

    // Used twice: sign in with a code, sign out, go back to the code page and use it again.
    const third = await signInUpToCode();
    await enter(third);
    await expect(page.getByRole("heading", { level: 1, name: "My Account" })).toBeVisible();
    await page.getByRole("button", { name: "Logout" }).click();
    // Signed out before going on: a navigation straight away can cut the Logout post off.
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
    await visit("/account/sign-in");
    await page.getByLabel("Email address").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await nextEmailTo(browser, account.email, seen, "Your sign-in code");
    await enter(third);
    await expect(page.locator("#code-error")).toContainText("The code is not correct");
  });

  test("five wrong codes cancel the code: even the right one is then refused", async ({ page, visit, browser }) => {
    const account = await registerNewAccount(page, browser, "five");
    await page.getByRole("button", { name: "Logout" }).click();
    // Signed out before going on: a navigation straight away can cut the Logout post off.
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
    const seen = await mailSeenSoFar(browser, account.email);
    await visit("/account/sign-in");
    await page.getByLabel("Email address").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const code = codeIn((await nextEmailTo(browser, account.email, seen, "Your sign-in code")).text);
    const wrong = code === "00000000" ? "11111111" : "00000000";
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel("Code").fill(wrong);
      await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Finish" }).click()]);
    }
    await page.getByLabel("Code").fill(code);
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Finish" }).click()]);
    await expect(page.locator("#code-error")).toContainText("This code can no longer be used");
  });

  test("with JavaScript, a dialog warns before the idle sign-out and Stay signed in keeps the session", async ({ page, browser }) => {
    await page.clock.install();
    await signIn(page, browser, REFERRER);
    await expect(page.getByRole("heading", { level: 1, name: "My Account" })).toBeVisible();
    const dialog = page.getByRole("dialog", { name: "You will be signed out soon" });
    await expect(dialog).toBeHidden();
    await page.clock.fastForward("27:30");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("we will sign you out in 2 minutes");
    await dialog.getByRole("button", { name: "Stay signed in" }).click();
    await expect(dialog).toBeHidden();
  });

  test("an old session cookie is dead after logout", async ({ page, visit, browser, context }) => {
    const seen = await mailSeenSoFar(browser, REFERRER.email);
    await visit("/account/sign-in");
    await page.getByLabel("Email address").fill(REFERRER.email);
    await page.getByLabel("Password").fill(REFERRER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Code").fill(codeIn((await nextEmailTo(browser, REFERRER.email, seen, "Your sign-in code")).text));
    await page.getByRole("button", { name: "Finish" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My Account" })).toBeVisible();

    const stolen = await context.storageState();
    await page.getByRole("button", { name: "Logout" }).click();
    // Signed out before going on: a navigation straight away can cut the Logout post off.
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
    const replay = await browser.newContext({ storageState: stolen });
    const replayPage = await replay.newPage();
    await replayPage.goto(new URL("/account", page.url()).toString());
    await expect(replayPage).toHaveURL(/\/account\/sign-in/);
    await replay.close();
  });
});
