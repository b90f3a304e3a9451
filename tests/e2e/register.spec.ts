import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { codeIn, nextEmailTo } from "./support/mailbox";

const PASSWORD = "Kettle-Harbour-42-Lamp";

test.describe("registering for a new account", () => {
  test("a parent registers in four steps, reading the code from their email, and lands signed in where they were going @core", async ({ page, visit, browser }) => {
    const email = `parent.${randomUUID().slice(0, 8)}@example.org`;
    await visit("/drafts");
    await page.getByRole("link", { name: "Register for a new account" }).click();

    // Step 1: details. A missing answer is reported beside the field, and nothing typed is lost.
    await expect(page.getByText("Step 1 of 4", { exact: true })).toBeVisible();
    await page.getByLabel("Forename").fill("Jamie");
    await page.getByLabel("Street").fill("3 Canal Street");
    await page.getByLabel("Postcode").fill("wn1 2ab");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("link", { name: "Enter your surname" })).toBeVisible();
    await expect(page.getByLabel("Forename")).toHaveValue("Jamie");
    await page.getByLabel("Surname").fill("Parent");
    await page.getByRole("button", { name: "Continue" }).click();

    // Step 2: email and password. Every unmet rule is listed at once.
    await expect(page.getByText("Step 2 of 4", { exact: true })).toBeVisible();
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel(/^Password/).fill("short");
    await page.getByLabel("Confirm password").fill("short");
    await page.getByRole("button", { name: "Continue" }).click();
    const passwordError = page.locator("#password-error");
    await expect(passwordError).toContainText("at least 12 characters");
    await expect(passwordError).toContainText("upper-case letter");
    await expect(passwordError).toContainText("special character");
    await expect(page.getByLabel("Email address")).toHaveValue(email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Continue" }).click();

    // Step 3: the code from the email.
    await expect(page.getByText("Step 3 of 4", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    const mail = await nextEmailTo(browser, email, new Set(), "Please verify your email address");
    await page.getByLabel("Code").fill(codeIn(mail.text));
    await page.getByRole("button", { name: "Continue" }).click();

    // Step 4: the terms, then signed in and back where they started.
    await expect(page.getByRole("heading", { level: 1, name: "Terms and Conditions" })).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("link", { name: "Select that you agree to the Terms and Conditions to continue" })).toBeVisible();
    await page.getByLabel("I agree to these Terms and Conditions").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Recover a form" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Jamie Parent");
  });

  test("registering with an address that already has an account looks the same, and its owner is told by email", async ({ page, visit, browser }) => {
    const owner = "referrer@demo-school.example";
    await visit("/account/register");
    await page.getByLabel("Forename").fill("Someone");
    await page.getByLabel("Surname").fill("Else");
    await page.getByLabel("Street").fill("1 Any Road");
    await page.getByLabel("Postcode").fill("DY1 1AA");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Email address").fill(owner);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await nextEmailTo(browser, owner, new Set(), "You already have an account");
    await page.getByLabel("Code").fill("12345678");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("#code-error")).toContainText("The code is not correct");
  });
});
