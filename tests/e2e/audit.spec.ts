/**
 * The audit trail (issue 16, point 4), as the demo staff use it: the LADO caseworker searches the
 * inbox, opens a referral and downloads its PDF; the council admin finds those reads in the trail
 * by the caseworker's email, each with the referral's reference and the client address, and in the
 * CSV; the caseworker sees "Who has viewed this" on the referral; a caseworker who is not a
 * council admin gets the 404 page for the trail and its CSV. The filter form works without
 * JavaScript and on a phone (@core), with its errors beside the fields.
 */
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fillDateGroup } from "./support/project-page";
import { signIn } from "./support/sign-in";

const LADO = { email: "lado-caseworker@demo-council.example", password: "Lado-demo-2026!" };
const ADMIN = { email: "admin@demo-council.example", password: "Council-admin-demo-2026!" };
/** What the portal's web server says a request from this machine came from. */
const LOCAL_ADDRESS = /127\.0\.0\.1|::1/;

async function staffContext(browser: Browser, account: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const use = test.info().project.use;
  const context = await browser.newContext({ viewport: use.viewport, javaScriptEnabled: use.javaScriptEnabled !== false, isMobile: use.isMobile, hasTouch: use.hasTouch });
  const page = await context.newPage();
  await signIn(page, browser, account);
  return { context, page };
}

test.describe("the audit trail", () => {
  test("a caseworker's view and PDF download are in the admin's trail and its CSV, and on the referral's page", async ({ page, browser, baseURL, visit }) => {
    test.setTimeout(180_000);
    // Given the LADO caseworker finds Theo's referral, opens it and downloads its PDF.
    const lado = await staffContext(browser, LADO);
    await lado.page.goto("/staff?search=Theo+Demo-Child");
    await lado.page.getByRole("table").getByRole("link", { name: /^CP-/ }).first().click();
    const heading = lado.page.getByRole("heading", { level: 1, name: /^CP-/ });
    await expect(heading).toBeVisible();
    const reference = (await heading.textContent())!.trim();
    const referralUrl = lado.page.url();
    const [pdf] = await Promise.all([lado.page.waitForEvent("download"), lado.page.getByRole("link", { name: "Download the PDF of this referral" }).click()]);
    expect(pdf.suggestedFilename()).toBe(`${reference}.pdf`);

    // When the council admin filters the trail by the caseworker's email.
    await signIn(page, browser, ADMIN);
    await visit("/staff/admin/audit");
    await page.getByRole("textbox", { name: "Person" }).fill(LADO.email);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/person=lado-caseworker/);

    // Then the newest rows are the download, the view and the search, each with the address.
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.nth(1)).toContainText("Downloaded a referral's PDF");
    await expect(rows.nth(1)).toContainText(reference);
    await expect(rows.nth(1)).toContainText(LOCAL_ADDRESS);
    await expect(rows.nth(2)).toContainText("Viewed a referral");
    await expect(rows.nth(2)).toContainText(reference);
    await expect(rows.nth(2)).toContainText(LOCAL_ADDRESS);
    await expect(rows.nth(3)).toContainText("Searched or filtered the referrals inbox");
    await expect(rows.nth(3)).toContainText('search "Theo Demo-Child"');
    await expect(rows.nth(1).getByRole("link", { name: reference })).toHaveAttribute("href", new URL(referralUrl).pathname);

    // And the CSV of the same filters has both reads.
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await csv.path(), "utf8")).split("\r\n");
    expect(lines[0]).toContain('"Time (London)"');
    expect(lines[1]).toContain(`"${reference}"`);
    expect(lines[1]).toContain('"referral-pdf-downloaded"');
    expect(lines[1]).toMatch(LOCAL_ADDRESS);
    expect(lines[2]).toContain('"referral-viewed"');

    // Taking the trail away is itself on the trail.
    await visit("/staff/admin/audit?action=audit-trail-exported");
    await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Downloaded the audit trail as CSV");
    await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText(LOCAL_ADDRESS);

    // The caseworker sees who has viewed the referral (this visit and the download included).
    await lado.page.goto(referralUrl);
    const views = lado.page.getByRole("region", { name: "Who has viewed this" });
    await expect(views.getByRole("listitem").first()).toContainText("Lee Lado");
    await expect(views.getByRole("listitem").first()).toContainText("Viewed a referral");
    await expect(views.getByRole("listitem").nth(1)).toContainText("Downloaded a referral's PDF");

    // A caseworker who is not a council admin gets the 404 page for the trail and for its CSV.
    const denied = await lado.page.goto("/staff/admin/audit");
    expect(denied?.status()).toBe(404);
    await expect(lado.page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    expect((await lado.context.request.get(`${baseURL}/staff/admin/audit/export?person=lado`, { maxRedirects: 0 })).status()).toBe(404);
    await lado.context.close();
  });

  test("@core the filters work without JavaScript and on a phone, with errors beside the fields", async ({ page, browser, visit }) => {
    test.setTimeout(120_000);
    await signIn(page, browser, ADMIN);
    await visit("/staff/admin/audit");
    await page.getByRole("textbox", { name: "Person" }).fill(ADMIN.email);
    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Signed in" });
    await fillDateGroup(page, "From", "31", "2", "2026");
    await page.getByRole("button", { name: "Filter" }).click();

    // The bad date is named in the summary and beside its field; what was typed is kept.
    await expect(page.getByRole("heading", { level: 2, name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("link", { name: "The from date must be a real date, like 27 3 2026" })).toHaveAttribute("href", "#from-day");
    await expect(page.getByRole("group", { name: "From" })).toContainText("The from date must be a real date");
    await expect(page.getByRole("textbox", { name: "Person" })).toHaveValue(ADMIN.email);
    await expect(page.getByText("Correct the filters to see the trail.")).toBeVisible();

    await fillDateGroup(page, "From", "1", "1", "2020");
    await page.getByRole("button", { name: "Filter" }).click();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.nth(1)).toContainText("Signed in");
    await expect(rows.nth(1)).toContainText("Alex Admin");
    await expect(page.getByRole("heading", { level: 2, name: "There is a problem" })).toHaveCount(0);
  });
});
