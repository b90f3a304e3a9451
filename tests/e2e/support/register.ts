import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { codeIn, nextEmailTo } from "./mailbox";

/**
 * Registers a new referrer (Robin Tester unless named) through the four steps and returns their sign-in details. With
 * `isOnRegisterPage`, starts from the register page already open (reached from a form's
 * "Login or Register", so it returns to that form).
 */
export async function registerNewAccount(page: Page, browser: Browser, label = "person", { isOnRegisterPage = false, email = "", forename = "Robin", surname = "Tester" } = {}) {
  const account = { email: email || `${label}.${randomUUID().slice(0, 8)}@example.org`, password: `Harbour-${randomUUID().slice(0, 6)}-Lamp-7` };
  if (!isOnRegisterPage) await page.goto("/account/register");
  await page.getByLabel("Forename").fill(forename);
  await page.getByLabel("Surname").fill(surname);
  await page.getByLabel("Street").fill("4 Mill Lane");
  await page.getByLabel("Postcode").fill("DY2 2BB");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel(/^Password/).fill(account.password);
  await page.getByLabel("Confirm password").fill(account.password);
  await page.getByRole("button", { name: "Continue" }).click();
  const mail = await nextEmailTo(browser, account.email, new Set(), "Please verify your email address");
  await page.getByLabel("Code").fill(codeIn(mail.text));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("I agree to these Terms and Conditions").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(`${forename} ${surname}`);
  return account;
}
