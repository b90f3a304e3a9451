import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { registerNewAccount } from "./support/register";

/** The Update Account form's fields as the browser would post them (React's action reference included). */
async function updateFormFields(context: BrowserContext, baseURL: string): Promise<[string, string][]> {
  return formFields(context, `${baseURL}/account/update`);
}

/** A page's main form, as FormData entries, read with JavaScript off (so the action reference is in the form). */
async function formFields(context: BrowserContext, url: string, selector = "main form"): Promise<[string, string][]> {
  const browser = context.browser()!;
  // Without JavaScript the form is a plain HTML form, so its FormData is exactly what a forger would replay.
  const plain = await browser.newContext({ storageState: await context.storageState(), javaScriptEnabled: false });
  try {
    const page = await plain.newPage();
    await page.goto(url);
    return await page.locator(selector).first().evaluate((form) => [...new FormData(form as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)] as [string, string]));
  } finally {
    await plain.close();
  }
}

test.describe("forged server-action calls", () => {
  test("replaying the Update Account action changes only the caller's own account, and nothing when signed out", async ({ page, browser, baseURL }) => {
    const alice = await browser.newContext();
    const alicePage = await alice.newPage();
    await registerNewAccount(alicePage, browser, "alice");
    await registerNewAccount(page, browser, "bob");

    // Bob replays Alice's form with another name, adding a userId field the action must ignore.
    const fields = (await updateFormFields(alice, baseURL!)).map(([k, v]) => [k, k === "forename" ? "Forged" : v] as [string, string]);
    const multipart = Object.fromEntries([...fields, ["userId", "someone-else"], ["role", "admin"]]);
    const headers = { Origin: baseURL!, Accept: "text/html" };
    await page.context().request.post(`${baseURL}/account/update`, { multipart, headers, maxRedirects: 0 });

    // Signed out, the same call is sent to sign in and changes nothing.
    const anonymous = await browser.newContext();
    const answer = await anonymous.request.post(`${baseURL}/account/update`, { multipart, headers, maxRedirects: 0 });
    expect(answer.status()).toBe(303);
    expect(answer.headers()["location"]).toContain("/account/sign-in");
    await anonymous.close();

    await alicePage.goto("/account");
    await expect(alicePage.getByRole("navigation", { name: "Account" })).toContainText("Robin Tester");
    await page.goto("/account");
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Forged Tester");
    await page.goto("/staff");
    await expect(page.getByRole("heading", { level: 1, name: "You cannot see this page" })).toBeVisible();
    await alice.close();
  });

  test("replaying another user's form actions neither changes, cancels nor sends their draft", async ({ page, browser, baseURL }) => {
    const alice = await browser.newContext();
    const alicePage = await alice.newPage();
    await registerNewAccount(alicePage, browser, "alice");
    await alicePage.goto("/forms/safeguarding-concern");
    await alicePage.getByLabel("First name").fill("Gina");
    await alicePage.getByLabel("Last name").fill("Lopez");
    await alicePage.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(alicePage.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const sectionUrl = alicePage.url().replace(/overview$/, "professional-details");
    const cancelUrl = sectionUrl.replace(/section\/professional-details$/, "cancel");
    await registerNewAccount(page, browser, "bob");

    const headers = { Origin: baseURL!, Accept: "text/html" };
    const section = [...(await formFields(alice, sectionUrl, "#section-form")).map(([k, v]) => [k, k === "referrerName" ? "Forged" : k === "intent" ? "save-for-later" : v] as [string, string]), ["intent", "save-for-later"] as [string, string]];
    const saved = await page.context().request.post(sectionUrl, { multipart: Object.fromEntries(section), headers, maxRedirects: 0 });
    expect(saved.status()).toBe(303);
    expect(saved.headers()["location"]).toContain("/drafts?gone=1");
    const cancel = await formFields(alice, cancelUrl);
    await page.context().request.post(cancelUrl, { multipart: Object.fromEntries(cancel), headers, maxRedirects: 0 });

    await alicePage.goto(sectionUrl);
    await expect(alicePage.getByLabel("Your full name")).toHaveValue("");
    await alicePage.goto("/drafts");
    await expect(alicePage.getByRole("row").filter({ hasText: "Gina Lopez" })).toHaveCount(1);
    await alice.close();
  });
});
