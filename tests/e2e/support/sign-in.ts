import { expect, type Browser, type Page } from "@playwright/test";
import { codeIn, mailSeenSoFar, nextEmailTo } from "./mailbox";

/**
 * Signs in through the two steps (password, then the emailed code), as a person would. With
 * `isOnSignInPage`, starts from the sign-in page already open (so it returns where it was sent from).
 */
export async function signIn(page: Page, browser: Browser, account: { email: string; password: string }, { isOnSignInPage = false } = {}): Promise<void> {
  const seen = await mailSeenSoFar(browser, account.email);
  if (!isOnSignInPage) await page.goto("/account/sign-in");
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const email = await nextEmailTo(browser, account.email, seen, "Your sign-in code");
  await page.getByLabel("Code").fill(codeIn(email.text));
  await page.getByRole("button", { name: "Finish" }).click();
  // Signed in once the code page has gone (wherever the sign-in leads next).
  await expect(page).not.toHaveURL(/\/account\/sign-in/);
}
