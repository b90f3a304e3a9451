/**
 * The council's side of a referral, as people use it (issue 6): a referrer sends a form, a
 * caseworker asks for more information, the referrer adds it and resubmits, the caseworker
 * posts a response, and the referrer reads it. Axe checks every page as it loads.
 */
import { expect, type Browser, type Page } from "@playwright/test";
import { test } from "./fixtures";
import { mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { registerNewAccount } from "./support/register";
import { signIn } from "./support/sign-in";
import { moveClock } from "./support/clock";
import { sendFromCheckAnswers, sendSafeguardingConcern } from "./support/safeguarding-concern";

const CASEWORKER = { email: "caseworker@demo-council.example", password: "Caseworker-demo-2026!" };
const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

async function caseworkerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, browser, CASEWORKER);
  return page;
}

test.describe("a referral between a referrer and the council", () => {
  test("is sent back for more information, resubmitted with a change, and answered", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const referrer = await registerNewAccount(page, browser, "referrer");
    const reference = await sendSafeguardingConcern(page, ["Kai", "Lee"]);

    // The caseworker finds it in New, opens it and asks for more information.
    const staff = await caseworkerPage(browser);
    await staff.goto("/staff");
    await staff.getByLabel("Reference or child's name").fill(reference);
    await staff.getByRole("button", { name: "Filter" }).click();
    await staff.getByRole("link", { name: reference }).click();
    await expect(heading(staff, reference)).toBeVisible();
    await expect(staff.getByText("Often arrives hungry.")).toBeVisible();
    const seen = await mailSeenSoFar(browser, referrer.email);
    await staff.getByLabel("Insufficient Detail").check();
    await staff.getByLabel("Comments").fill("Please tell us the parent's name.");
    await staff.getByRole("button", { name: "Send back for more information" }).click();
    await expect(staff.getByText("The form has been sent back for more information")).toBeVisible();
    await expect(staff.getByText(/More information requested by/)).toBeVisible();

    // The referrer is emailed, sees the request at the top of Submitted Forms, and adds the information.
    const email = await nextEmailTo(browser, referrer.email, seen, "Your form has been sent back for more information");
    expect(email.text).toContain(reference);
    expect(email.text).not.toContain("Please tell us the parent's name.");
    await page.goto("/submitted");
    const request = page.getByRole("table", { name: "Forms requesting more information" }).getByRole("row").filter({ hasText: reference });
    await expect(request).toContainText("Insufficient Detail");
    await expect(request).toContainText("Please tell us the parent's name.");
    await request.getByRole("button", { name: /Add info/ }).click();
    await expect(heading(page, "Check your answers")).toBeVisible();
    await page.getByRole("link", { name: /Change\s*Parent or carer's full name/ }).click();
    await page.getByLabel("Parent or carer's full name").fill("Sam Lee");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: /Check your answers/ }).click();
    const resubmitted = await sendFromCheckAnswers(page);
    expect(resubmitted).toBe(`${reference}-V2`);

    // The caseworker sees the resubmission linked to the original, and responds.
    await staff.goto("/staff?tab=resubmitted");
    await staff.getByRole("link", { name: resubmitted }).click();
    await expect(staff.getByText("Sam Lee")).toBeVisible();
    await expect(staff.getByRole("link", { name: reference, exact: true })).toBeVisible();
    const seenBeforeResponse = await mailSeenSoFar(browser, referrer.email);
    await staff.getByLabel("Post a response").fill("We will contact the family this week.");
    await staff.getByRole("button", { name: "Post response" }).click();
    await expect(staff.getByText("Your response has been posted")).toBeVisible();

    // The referrer has the email and reads the response in Submitted Forms.
    await nextEmailTo(browser, referrer.email, seenBeforeResponse, "A response has been posted");
    await page.goto("/submitted");
    await expect(page.getByRole("row").filter({ hasText: resubmitted })).toContainText("We will contact the family this week.");
    await staff.context().close();
  });

  test("a referrer reaches no staff page, and a replayed staff action does nothing for them", async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    const account = await registerNewAccount(page, browser, "not-staff");
    const reference = await sendSafeguardingConcern(page, ["Lia", "Park"]);
    await page.goto("/staff");
    await expect(heading(page, "You cannot see this page")).toBeVisible();

    // The caseworker's Post response form, replayed by the referrer with their own cookies.
    const staff = await caseworkerPage(browser);
    await staff.goto(`/staff?search=${reference}`);
    await staff.getByRole("link", { name: reference }).click();
    await expect(heading(staff, reference)).toBeVisible();
    const referralUrl = staff.url();
    // The page as the server sends it holds the action's hidden fields, as a browser without JavaScript would post them.
    const html = await (await staff.context().request.get(referralUrl)).text();
    const form = html.split("<form").find((part) => part.includes("Post response"))!;
    const fields = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((match) => [match[1]!, (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")] as [string, string]);
    expect(fields.some(([name]) => name.startsWith("$ACTION"))).toBe(true);
    fields.push(["response", "Forged by the referrer"]);
    const forged = Object.fromEntries(fields);
    const answer = await page.context().request.post(referralUrl, { multipart: forged, headers: { Origin: baseURL!, Accept: "text/html" }, maxRedirects: 0 });
    expect(answer.status()).toBe(303);
    expect(answer.headers()["location"]).toContain("/account/not-allowed");

    await staff.reload();
    await expect(staff.getByText("Forged by the referrer")).toHaveCount(0);
    await expect(staff.getByRole("button", { name: "Post response" })).toBeVisible();
    await staff.context().close();

    // Another referrer cannot have this form's PDF.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await registerNewAccount(otherPage, browser, "other-referrer");
    expect((await otherPage.request.get(`/submitted/${reference}/pdf`)).status()).toBe(404);
    await other.close();

    // Once the council's window (30 days) has passed, the form leaves Submitted Forms.
    await page.goto("/submitted");
    await expect(page.getByRole("row").filter({ hasText: reference })).toHaveCount(1);
    await moveClock(page.request, 31 * 24 * 60);
    try {
      await page.goto("/submitted");
      // A month idle ends the session too: sign in again, then look.
      await signIn(page, browser, account, { isOnSignInPage: true });
      await expect(heading(page, "Submitted Forms")).toBeVisible();
      await expect(page.getByRole("row").filter({ hasText: reference })).toHaveCount(0);
    } finally {
      await moveClock(page.request, 0);
    }
  });
});
