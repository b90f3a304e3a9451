/**
 * The SEND parent portal, part 1 (issue 8), as people use it: a caseworker creates an EHCP case
 * with a request received on 30 Jan 2023 and invites the family; the parent's mailbox has the
 * identity code; the caseworker verifies it; the parent gets "Accept Portal Invitation",
 * registers from the link, accepts for the child and gets the confirmation; the caseworker
 * activates; the parent gets the access email, signs in and opens the SEND Dashboard under the
 * child's name. Tagged @core: it also runs with JavaScript off and at 320 px wide. Axe checks
 * every page as it loads.
 */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { expectAccessible, test } from "./fixtures";
import { mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { registerNewAccount } from "./support/register";
import { signIn } from "./support/sign-in";
import { pageLikeProject } from "./support/project-page";
import { createSendCase } from "./support/send-family";

const CASEWORKER = { email: "caseworker@demo-council.example", password: "Caseworker-demo-2026!" };
const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

test.describe("the SEND parent portal @core", () => {
  test("a caseworker invites a family, the parent accepts, and sees the SEND Dashboard after activation", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const isJavaScriptOn = test.info().project.use.javaScriptEnabled !== false;
    const run = randomUUID().slice(0, 6);
    const child = { forename: "Child", surname: `Test${run}` };
    const childName = `${child.forename} ${child.surname}`;
    const parentEmail = `parent.${run}@example.org`;

    // The caseworker creates the case.
    const staff = await pageLikeProject(browser);
    await signIn(staff, browser, CASEWORKER);
    const caseUrl = await createSendCase(staff, child, { email: parentEmail });
    await expectAccessible(staff, isJavaScriptOn);
    await expect(staff.getByText("12 Mar 2023").first()).toBeVisible();
    await expect(staff.getByText("21 May 2023").first()).toBeVisible();

    // Invites the family: the identity code goes to the requestor's address.
    const parentSeen = await mailSeenSoFar(browser, parentEmail);
    await staff.getByRole("button", { name: "Invite family" }).click();
    await expect(staff.getByRole("button", { name: "Verify identity" })).toBeVisible();
    const codeEmail = await nextEmailTo(browser, parentEmail, parentSeen, "Your SEND Parent Portal identity code");
    expect(codeEmail.text).not.toContain(child.surname);
    const code = codeEmail.text.match(/\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/)?.[1];
    expect(code, "an identity code in the email").toBeTruthy();

    // The parent quotes it over the phone (in lower case, with a space); the caseworker verifies it.
    await staff.getByLabel("Identity code the parent quoted").fill(code!.toLowerCase().replace("-", " "));
    await staff.getByRole("button", { name: "Verify identity" }).click();
    await expect(staff.getByText(/Invitation link sent/).first()).toBeVisible();
    await expectAccessible(staff, isJavaScriptOn);

    // The parent opens "Accept Portal Invitation", registers from the link and accepts.
    const inviteEmail = await nextEmailTo(browser, parentEmail, parentSeen, "Accept Portal Invitation");
    const link = inviteEmail.text.match(/https?:\/\/\S+\/send\/invitations\/accept\?token=[\w-]+/)?.[0];
    expect(link, "the accept link in the email").toBeTruthy();
    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await expect(heading(page, "Sign in")).toBeVisible();
    await page.getByRole("link", { name: "Register for a new account" }).click();
    const account = await registerNewAccount(page, browser, "parent", { isOnRegisterPage: true, email: parentEmail });
    await expect(heading(page, "Invitations awaiting approval")).toBeVisible();
    // Confirm without choosing: the messages say what to fix.
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await page.getByLabel(childName).check();
    await page.getByRole("group", { name: "Do you wish to continue with setting up your account?" }).getByLabel("Yes").check();
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText("Have you entered all the information you need to?")).toBeVisible();
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByText("Your request is with the SEND team")).toBeVisible();
    await nextEmailTo(browser, parentEmail, parentSeen, "Your request is with the SEND team");
    // Until the team activates it, the parent is told it is pending.
    await expect(page.getByText(/Activation pending/)).toBeVisible();

    // The caseworker activates the parent's access.
    await staff.goto(caseUrl);
    await staff.getByRole("button", { name: "Activate access" }).click();
    await expect(staff.getByRole("button", { name: "Revoke access" })).toBeVisible();
    await expectAccessible(staff, isJavaScriptOn);
    await staff.context().close();
    const accessEmail = await nextEmailTo(browser, parentEmail, parentSeen, "Your SEND Dashboard is ready");
    expect(accessEmail.text).not.toContain(child.surname);

    // The parent signs in afresh (with the emailed code) and opens the SEND Dashboard under the child's name.
    await page.context().clearCookies();
    await signIn(page, browser, account);
    await page.goto("/");
    await page.getByRole("link", { name: `SEND Dashboard for ${childName}` }).click();
    await expect(heading(page, `SEND Dashboard - ${childName}`)).toBeVisible();
    const strip = page.getByRole("region", { name: "Statutory Timescales" });
    await expect(strip).toContainText("Request Decision Date:");
    await expect(strip).toContainText("30 Jan 2023");
    await expect(strip).toContainText("Decision Due:");
    await expect(strip).toContainText("12 Mar 2023");
    await expect(strip).toContainText("Assessment Decision Due:");
    await expect(strip).toContainText("21 May 2023");
    await expect(strip).toContainText("Current stage: Request for assessment");
    await expect(page.getByRole("region", { name: "SEND Case Worker" })).toContainText("Casey Worker");
    await expect(page.getByRole("region", { name: "Messages" })).toContainText("No New Messages (0)");
    // Extra Information opens without JavaScript (a details element).
    await page.getByText("Extra Information").click();
    await expect(page.getByText("What happens next")).toBeVisible();
  });
});
