/**
 * Delivery to the case system, as a council admin configures and watches it (issue 17): LADO's
 * webhook endpoint is set (a plain http:// address refused first), its signing secret is shown
 * once and never again, the demo LADO referral's pushes to that unreachable address fail
 * (the e2e server's retry window is one second), the admin sees the failure and retries it, LADO's
 * caseworker sees it on the referral, and the admin removes the endpoint so LADO's forms wait for
 * the API again.
 */
import { expect, test } from "./fixtures";
import { signIn } from "./support/sign-in";

const ADMIN = { email: "admin@demo-council.example", password: "Council-admin-demo-2026!" };
const LADO_CASEWORKER = { email: "lado-caseworker@demo-council.example", password: "Lado-demo-2026!" };
const INBOX_TABS = ["new", "resubmitted", "awaiting-information", "responded", "closed"];
// .invalid never resolves (RFC 6761): every push fails at once with ENOTFOUND.
const ENDPOINT = "https://cases.invalid/portal/webhooks";

test("a council admin sets an endpoint, copies its secret once, sees a failed delivery and retries it @core", async ({ page, browser, visit }) => {
  test.setTimeout(180_000);
  await signIn(page, browser, ADMIN);
  // A data directory kept from an earlier run may still have LADO's endpoint: start without one.
  await visit("/staff/admin/delivery/lado");
  if ((await page.getByRole("button", { name: "Remove endpoint" }).count()) > 0) {
    await page.getByRole("button", { name: "Remove endpoint" }).click();
    await expect(page.getByText(/Endpoint removed/)).toBeVisible();
  }
  await visit("/staff/admin/delivery");
  await expect(page.getByRole("heading", { level: 1, name: "Delivery to the case system" })).toBeVisible();
  const endpoints = page.getByRole("table", { name: "Teams' webhook endpoints" });
  await expect(endpoints.getByRole("row", { name: /LADO/ })).toContainText("None: collected through the API");

  await endpoints.getByRole("link", { name: "Set an endpoint for LADO" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "LADO: webhook endpoint" })).toBeVisible();
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(page.getByRole("link", { name: "Enter the endpoint's address" })).toBeVisible();
  await page.getByLabel("Endpoint address").fill("http://cases.invalid/portal/webhooks");
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(page.getByRole("link", { name: "The address must be an https:// address" })).toBeVisible();
  await expect(page.getByLabel("Endpoint address")).toHaveValue("http://cases.invalid/portal/webhooks");

  await page.getByLabel("Endpoint address").fill(ENDPOINT);
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(page.getByText("Copy the signing secret now")).toBeVisible();
  const secret = (await page.locator("code").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

  // A new secret replaces it, shown once too.
  await page.getByRole("button", { name: "Make a new secret" }).click();
  await expect(page.locator("code")).not.toHaveText(secret);
  const newSecret = (await page.locator("code").textContent())?.trim() ?? "";
  expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

  // Shown once: the same page again has the address but not the secret.
  await visit("/staff/admin/delivery/lado");
  await expect(page.getByLabel("Endpoint address")).toHaveValue(ENDPOINT);
  await expect(page.getByText("Copy the signing secret now")).toHaveCount(0);
  await expect(page.getByText(newSecret)).toHaveCount(0);

  // The demo LADO referral is pushed there, fails, and is listed for the admin.
  await visit("/staff/admin/delivery");
  await expect(page.getByRole("table", { name: "Teams' webhook endpoints" }).getByRole("row", { name: /LADO/ })).toContainText(ENDPOINT);
  const troubled = page.getByRole("table", { name: /Deliveries retrying or failed/ });
  const failedRow = troubled.getByRole("row", { name: /LADO.*Failed/ }).first();
  await expect(async () => {
    await page.reload();
    await expect(failedRow).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(failedRow).toContainText("could not connect (ENOTFOUND)");
  // A cell's text starts with its column's name (shown when the table stacks on a phone).
  const reference = (await failedRow.getByRole("rowheader").textContent())?.match(/CP-[A-Z0-9-]+/)?.[0] ?? "";
  expect(reference).not.toBe("");
  const row = troubled.getByRole("row", { name: new RegExp(reference) });
  const attempts = Number((await row.getByRole("cell").nth(2).textContent())?.match(/(\d+)\s*$/)?.[1]);
  expect(attempts).toBeGreaterThanOrEqual(2);

  await row.getByRole("button", { name: `Retry now ${reference}` }).click();
  await expect(page.getByText("The delivery will be tried again within a few seconds.")).toBeVisible();
  // One more try, which fails again at the same address.
  await expect(async () => {
    await page.reload();
    await expect(row.getByRole("cell").nth(2)).toHaveText(new RegExp(`\\D${attempts + 1}$`), { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toContainText("Failed");

  // LADO's caseworker sees the same on the referral itself.
  const lado = await browser.newContext();
  const ladoPage = await lado.newPage();
  await signIn(ladoPage, browser, LADO_CASEWORKER);
  for (const tab of INBOX_TABS) {
    await ladoPage.goto(`/staff?tab=${tab}&search=${encodeURIComponent(reference)}`);
    if ((await ladoPage.getByRole("link", { name: reference, exact: true }).count()) > 0) break;
  }
  await ladoPage.getByRole("link", { name: reference, exact: true }).click();
  const delivery = ladoPage.getByRole("region", { name: "Delivery to the case system" });
  await expect(delivery).toContainText("Failed");
  await expect(delivery).toContainText("could not connect (ENOTFOUND)");
  await lado.close();

  // Removed: LADO's forms wait for the API again.
  await endpoints.getByRole("link", { name: "Change for LADO" }).click();
  await page.getByRole("button", { name: "Remove endpoint" }).click();
  await expect(page.getByText(/Endpoint removed/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Teams' webhook endpoints" }).getByRole("row", { name: /LADO/ })).toContainText("None: collected through the API");
});
