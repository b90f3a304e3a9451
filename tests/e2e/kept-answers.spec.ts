/**
 * Nothing typed is lost to a session that has ended (issue 15, point 1). The server's clock moves
 * past the idle time while a page is open; what is then posted goes to sign-in, and after
 * signing in again it comes back with "We kept what you typed": a section's answer saved into
 * the draft, Update Account's changes and a secure message filled in (not saved, not sent).
 * The section test is @core, so it also runs with JavaScript off (nothing autosaved) and at 320 px.
 */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { test } from "./fixtures";
import { moveClock } from "./support/clock";
import { registerNewAccount } from "./support/register";
import { signIn } from "./support/sign-in";

const PARENT = { email: "parent@demo-family.example", password: "Parent-demo-2026!" };
/** Past the council's 30 minutes idle time. */
const PAST_IDLE_MINUTES = 31;

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const keptBanner = (page: Page) => page.getByRole("alert").filter({ hasText: "We kept what you typed" });

test.afterEach(async ({ request }) => {
  await moveClock(request, 0);
});

test.describe("what was typed when the session had ended", () => {
  test("a section's answer is kept, and saved into the form after signing in again @core", async ({ page, browser, request }) => {
    test.setTimeout(120_000);
    const account = await registerNewAccount(page, browser, "kept");
    await page.goto("/forms/safeguarding-concern");
    await page.getByLabel("First name").fill("Noor");
    await page.getByLabel("Last name").fill("Khan");
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(heading(page, "Overview")).toBeVisible();
    const sectionUrl = page.url().replace(/overview$/, "professional-details");
    await page.goto(sectionUrl);
    await expect(heading(page, "Professional's Details")).toBeVisible();

    // The laptop slept: the session ends while the page is open.
    await moveClock(request, PAST_IDLE_MINUTES);
    await page.getByLabel("Your full name").fill("Typed After The Timeout");
    await page.getByRole("button", { name: "Next", exact: true }).click();

    await expect(heading(page, "Sign in")).toBeVisible();
    await signIn(page, browser, account, { isOnSignInPage: true });

    await expect(heading(page, "Professional's Details")).toBeVisible();
    await expect(keptBanner(page)).toBeVisible();
    await expect(page.getByLabel("Your full name")).toHaveValue("Typed After The Timeout");
    // Saved, not only shown: the section opened afresh has it, and the banner has gone.
    await page.goto(sectionUrl);
    await expect(page.getByLabel("Your full name")).toHaveValue("Typed After The Timeout");
    await expect(keptBanner(page)).toBeHidden();
  });

  test("Update Account's changes come back filled in, to be saved with Save changes", async ({ page, browser, request }) => {
    test.setTimeout(120_000);
    const account = await registerNewAccount(page, browser, "kept-account");
    await page.goto("/account/update");
    await expect(heading(page, "Update Account")).toBeVisible();

    await moveClock(request, PAST_IDLE_MINUTES);
    await page.getByLabel("Forename").fill("Rowan");
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(heading(page, "Sign in")).toBeVisible();
    await signIn(page, browser, account, { isOnSignInPage: true });

    await expect(heading(page, "Update Account")).toBeVisible();
    await expect(keptBanner(page)).toBeVisible();
    await expect(page.getByLabel("Forename")).toHaveValue("Rowan");
    // Not saved until the person says so.
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Robin Tester");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Your details have been updated.")).toBeVisible();
    await page.goto("/account/update");
    await expect(page.getByLabel("Forename")).toHaveValue("Rowan");
    await expect(keptBanner(page)).toBeHidden();
  });

  test("a secure message comes back in the form, not sent, after signing in again", async ({ page, browser, request }) => {
    test.setTimeout(120_000);
    const subject = `Kept message ${randomUUID()}`;
    await signIn(page, browser, PARENT);
    await page.goto("/");
    await page.getByRole("link", { name: /^SEND Dashboard for Ella/ }).click();
    // The case id is read from the dashboard's address, so wait for that page first.
    await page.waitForURL(/\/send\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split("/").at(-1)!;
    await page.goto(`/send/${caseId}/messages/new`);
    await expect(heading(page, "Secure Message")).toBeVisible();

    await moveClock(request, PAST_IDLE_MINUTES);
    await page.getByRole("combobox", { name: /^Message Type/ }).selectOption({ label: "General" });
    await page.getByRole("textbox", { name: /^Subject/ }).fill(subject);
    await page.getByRole("textbox", { name: /^Message/ }).fill("Written just before the laptop slept.");
    await page.getByRole("button", { name: "Send" }).click();

    await expect(heading(page, "Sign in")).toBeVisible();
    await signIn(page, browser, PARENT, { isOnSignInPage: true });

    await expect(heading(page, "Secure Message")).toBeVisible();
    await expect(keptBanner(page)).toBeVisible();
    await expect(page.getByRole("combobox", { name: /^Message Type/ })).toHaveValue("general");
    await expect(page.getByRole("textbox", { name: /^Subject/ })).toHaveValue(subject);
    await expect(page.getByRole("textbox", { name: /^Message/ })).toHaveValue("Written just before the laptop slept.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Your message has been sent")).toBeVisible();
    await expect(page.getByRole("table", { name: /Sent Items/ })).toContainText(subject);
  });
});
