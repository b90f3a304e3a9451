/**
 * The council admin area (issue 16 point 3), as the demo admin and a new colleague use it: the
 * admin invites someone to Early Help; the email holds a link, not a password; the new person
 * chooses their own password on it and signs in with it and an emailed code; they see Early
 * Help's work only, and the admin area answers them 404; the admin disables them and their very
 * next page is the sign-in page, where they are told the account is disabled.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { nextEmailTo } from "./support/mailbox";
import { signIn } from "./support/sign-in";

const ADMIN = { email: "admin@demo-council.example", password: "Council-admin-demo-2026!" };
const PASSWORD = "Lantern-Harbour-73-Quilt";

test.describe("council admin area", () => {
  test("invite, set up with one's own password, work one team, disable @core", async ({ page, browser, visit }) => {
    test.setTimeout(240_000);
    await signIn(page, browser, ADMIN);
    await visit("/staff/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
    await expect(page.getByRole("table").first()).toContainText("earlyhelp-caseworker@demo-council.example");
    await page.getByRole("link", { name: "Invite a staff member" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Invite a staff member" })).toBeVisible();

    // Nothing filled in: told what to fix, beside each field and in the summary.
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Enter their first name" })).toBeVisible();

    const email = `ivy.${randomUUID().slice(0, 8)}@demo-council.example`;
    await page.getByLabel("First name").fill("Ivy");
    await page.getByLabel("Last name").fill("Newstarter");
    await page.getByLabel("Work email address").fill(email);
    await page.getByLabel("Early Help").selectOption("caseworker");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Invitation sent.")).toBeVisible();
    await expect(page.getByRole("table", { name: /Invitations waiting/ })).toContainText(email);

    // The email: a link, and no password anywhere in it.
    const invitation = await nextEmailTo(browser, email, new Set(), "Set up your Children's Portal staff account");
    expect(invitation.text).not.toMatch(/password:/i);
    const link = invitation.text.match(/https?:\/\/\S+\/account\/activate\/[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();

    const newcomer = await browser.newContext();
    const newPage = await newcomer.newPage();
    await newPage.goto(new URL(link!).pathname);
    await expect(newPage.getByRole("heading", { level: 1, name: "Set up your staff account" })).toBeVisible();
    await expect(newPage.getByText(email)).toBeVisible();
    await newPage.getByLabel(/^New password/).fill(PASSWORD);
    await newPage.getByLabel("Confirm new password").fill(PASSWORD);
    await newPage.getByRole("button", { name: "Set up account" }).click();
    await expect(newPage.getByText("Your staff account is ready")).toBeVisible();
    await signIn(newPage, browser, { email, password: PASSWORD }, { isOnSignInPage: true });
    // The link is used up.
    await newPage.goto(new URL(link!).pathname);
    await expect(newPage.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();

    // Early Help's work only: the LADO referral is not there; the admin area is not theirs.
    await newPage.goto("/staff?search=Theo+Demo-Child");
    await expect(newPage.getByRole("heading", { level: 1, name: "Referrals" })).toBeVisible();
    await expect(newPage.getByText("No referrals here.")).toBeVisible();
    const adminArea = await newPage.goto("/staff/admin");
    expect(adminArea?.status()).toBe(404);

    // The admin disables the account: the newcomer's next page is the sign-in page.
    await visit("/staff/admin");
    await page.getByRole("row").filter({ hasText: email }).getByRole("link", { name: "Ivy Newstarter" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ivy Newstarter" })).toBeVisible();
    await expect(page.getByText("Early Help: Caseworker")).toBeVisible();
    await page.getByRole("button", { name: "Disable account" }).click();
    await expect(page.getByText("Account disabled.")).toBeVisible();

    await newPage.goto("/staff");
    await expect(newPage).toHaveURL(/\/account\/sign-in/);
    await newPage.getByLabel("Email address").fill(email);
    await newPage.getByLabel("Password").fill(PASSWORD);
    await newPage.getByRole("button", { name: "Sign in" }).click();
    await expect(newPage.getByText("Your account has been disabled").first()).toBeVisible();
    await newcomer.close();
  });

  test("a caseworker replaying the admin's Disable form gets 404 and changes nothing", async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    const adminContext = await browser.newContext({ javaScriptEnabled: false });
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, browser, ADMIN);
    await adminPage.goto("/staff/admin");
    await adminPage.getByRole("link", { name: "Lee Lado" }).click();
    const personUrl = adminPage.url();
    await expect(adminPage.getByText("Active", { exact: true })).toBeVisible();
    const disableForm = adminPage.locator("form").filter({ has: adminPage.getByRole("button", { name: "Disable account" }) });
    const fields = await disableForm.evaluate((form) => [...new FormData(form as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)] as [string, string]));

    await signIn(page, browser, { email: "lado-caseworker@demo-council.example", password: "Lado-demo-2026!" });
    const forged = await page.context().request.post(personUrl, { multipart: Object.fromEntries(fields), headers: { Origin: baseURL!, Accept: "text/html" }, maxRedirects: 0 });
    expect(forged.status()).toBe(404);
    await adminPage.reload();
    await expect(adminPage.getByText("Active", { exact: true })).toBeVisible();
    // And the caseworker is still signed in and working.
    await page.goto("/staff");
    await expect(page.getByRole("heading", { level: 1, name: "Referrals" })).toBeVisible();
    await adminContext.close();
  });
});
