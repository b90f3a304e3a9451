import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { registerNewAccount } from "./support/register";

/** The Update Account form's fields as the browser would post them (React's action reference included). */
async function updateFormFields(context: BrowserContext, baseURL: string): Promise<[string, string][]> {
  const browser = context.browser()!;
  // Without JavaScript the form is a plain HTML form, so its FormData is exactly what a forger would replay.
  const plain = await browser.newContext({ storageState: await context.storageState(), javaScriptEnabled: false });
  try {
    const page = await plain.newPage();
    await page.goto(`${baseURL}/account/update`);
    return await page.locator("main form").evaluate((form) => [...new FormData(form as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)] as [string, string]));
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
});
