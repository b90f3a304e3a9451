/**
 * Teams (issue 16), as the demo staff see them: the Early Help caseworker's inbox does not list
 * the LADO team's referral, and its page, PDF and file answer 404 like a missing one; a forged
 * Close on it changes nothing; a referral moved to another team leaves the first team's inbox
 * (and is moved back, so the demo data stays as it was).
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./support/sign-in";

const EARLY_HELP = { email: "earlyhelp-caseworker@demo-council.example", password: "Earlyhelp-demo-2026!" };
const LADO = { email: "lado-caseworker@demo-council.example", password: "Lado-demo-2026!" };
/** Works every team: puts the demo data back where a test expects it (the data directory outlives a run). */
const EVERY_TEAM = { email: "caseworker@demo-council.example", password: "Caseworker-demo-2026!" };

/** A demo staff member's own browser context, JavaScript off so a form's fields are what a forger would post. */
async function staffContext(browser: Browser, account: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, browser, account);
  return { context, page };
}

/** Opens the referral about this child from the inbox's New tab; returns its URL. */
async function openReferral(page: Page, child: string): Promise<string> {
  await page.goto(`/staff?search=${encodeURIComponent(child)}`);
  await page.getByRole("table").getByRole("link", { name: /^CP-/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^CP-/ })).toBeVisible();
  return page.url();
}

test.describe("staff teams", () => {
  test("an Early Help caseworker meets the LADO referral nowhere, and a forged action on it changes nothing", async ({ page, browser, baseURL, visit }) => {
    test.setTimeout(180_000);
    const lado = await staffContext(browser, LADO);
    const referralUrl = await openReferral(lado.page, "Theo Demo-Child");
    const reference = (await lado.page.getByRole("heading", { level: 1 }).textContent())!.trim();
    const pdfPath = (await lado.page.getByRole("link", { name: "Download the PDF of this referral" }).getAttribute("href"))!;
    const filePath = (await lado.page.getByRole("link", { name: "demo-club-statement.pdf" }).getAttribute("href"))!;
    const closeForm = lado.page.locator("form").filter({ has: lado.page.getByRole("button", { name: "Close referral" }) });
    const closeFields = await closeForm.evaluate((form) => [...new FormData(form as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)] as [string, string]));
    // The LADO team downloads both.
    expect((await lado.context.request.get(`${baseURL}${pdfPath}`)).status()).toBe(200);
    expect((await lado.context.request.get(`${baseURL}${filePath}`)).status()).toBe(200);

    await signIn(page, browser, EARLY_HELP);
    await visit(`/staff?search=${encodeURIComponent(reference)}`);
    await expect(page.getByText("No referrals here.")).toBeVisible();
    await visit("/staff?search=Theo+Demo-Child");
    await expect(page.getByText("No referrals here.")).toBeVisible();
    // Its own team's referral is there.
    await visit("/staff?tab=responded&search=Leo+Demo-Child");
    await expect(page.getByRole("table")).toContainText("Early Help");

    // The page, the PDF and the file answer exactly as for a referral that does not exist.
    const missing = `${baseURL}/staff/referrals/${crypto.randomUUID()}`;
    for (const url of [referralUrl, `${baseURL}${pdfPath}`, `${baseURL}${filePath}`, missing]) {
      expect((await page.context().request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
    }
    const seen = await page.goto(referralUrl);
    expect(seen?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

    // A forged Close, replaying the LADO caseworker's form: sent back to the inbox, nothing changed.
    const forged = await page.context().request.post(referralUrl, { multipart: Object.fromEntries(closeFields), headers: { Origin: baseURL!, Accept: "text/html" }, maxRedirects: 0 });
    expect(forged.status()).toBe(303);
    expect(forged.headers()["location"]).toContain("/staff?gone=1");
    await lado.page.goto(referralUrl);
    await expect(lado.page.getByRole("button", { name: "Close referral" })).toBeVisible();
    await expect(lado.page.getByText(/^Closed by/)).toHaveCount(0);
    await lado.context.close();
  });

  test("a referral moved to another team leaves the first team's inbox", async ({ page, browser, visit }) => {
    test.setTimeout(180_000);
    // Given the demo Early Help referral is with Early Help (a failed earlier run may have left it elsewhere).
    const setup = await staffContext(browser, EVERY_TEAM);
    await openReferral(setup.page, "Isla Demo-Child");
    const moveTo = setup.page.getByLabel("Move to another team");
    if ((await moveTo.locator("option", { hasText: /^Early Help$/ }).count()) > 0) {
      await moveTo.selectOption({ label: "Early Help" });
      await setup.page.getByRole("button", { name: "Move referral" }).click();
      await expect(setup.page.getByText("The referral has been moved.")).toBeVisible();
    }
    await setup.context.close();

    await signIn(page, browser, EARLY_HELP);
    const referralUrl = await openReferral(page, "Isla Demo-Child");
    await page.getByLabel("Move to another team").selectOption({ label: "LADO" });
    await page.getByRole("button", { name: "Move referral" }).click();
    await expect(page.getByText("The referral has been moved. It is now with the other team")).toBeVisible();
    await visit("/staff?search=Isla+Demo-Child");
    await expect(page.getByText("No referrals here.")).toBeVisible();
    expect((await page.context().request.get(referralUrl, { maxRedirects: 0 })).status()).toBe(404);

    // The LADO team has it now, and hands it back (so the demo data is as it was).
    const lado = await staffContext(browser, LADO);
    await lado.page.goto(referralUrl);
    // (The demo data persists between runs, so an earlier run's move may be in the history too.)
    await expect(lado.page.getByText(/Moved by Erin Earlyhelp from Early Help to LADO/).last()).toBeVisible();
    await lado.page.getByLabel("Move to another team").selectOption({ label: "Early Help" });
    await lado.page.getByRole("button", { name: "Move referral" }).click();
    await expect(lado.page.getByText("The referral has been moved. It is now with the other team")).toBeVisible();
    await lado.context.close();
    await visit("/staff?search=Isla+Demo-Child");
    await expect(page.getByRole("table")).toContainText("Isla Demo-Child");
  });
});
