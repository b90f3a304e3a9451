import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { registerNewAccount } from "./support/register";
import { signIn } from "./support/sign-in";

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

  test("a family member or stranger replaying the caseworker's Revoke access changes nothing, and cannot open the child's dashboard", async ({ page, browser, baseURL }) => {
    // The demo data: Pat Parent has active access to Ella's case.
    const staff = await browser.newContext({ javaScriptEnabled: false });
    const staffPage = await staff.newPage();
    await signIn(staffPage, browser, { email: "send-caseworker@demo-council.example", password: "Send-caseworker-demo-2026!" });
    await staffPage.goto("/staff/send?stage=all&search=Ella+Demo-Child");
    await staffPage.getByRole("link", { name: /^EHC-/ }).first().click();
    await expect(staffPage.getByRole("heading", { level: 1, name: "Ella Demo-Child" })).toBeVisible();
    const caseUrl = staffPage.url();
    const caseId = new URL(caseUrl).pathname.split("/").at(-1)!;
    const revokeForm = staffPage.locator("form").filter({ has: staffPage.getByRole("button", { name: "Revoke access" }) }).first();
    const fields = await revokeForm.evaluate((form) => [...new FormData(form as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)] as [string, string]));

    await registerNewAccount(page, browser, "mallory");
    const headers = { Origin: baseURL!, Accept: "text/html" };
    const forged = await page.context().request.post(caseUrl, { multipart: Object.fromEntries(fields), headers, maxRedirects: 0 });
    expect(forged.status()).toBe(303);
    expect(forged.headers()["location"]).toContain("/account/not-allowed");
    const dashboard = await page.context().request.get(`${baseURL}/send/${caseId}`, { maxRedirects: 0 });
    expect(dashboard.status()).toBe(404);

    // Pat's access is as it was.
    await staffPage.goto(caseUrl);
    await expect(staffPage.getByRole("button", { name: "Revoke access" })).toBeVisible();
    await expect(staffPage.getByText(/Active since/).first()).toBeVisible();
    await staff.close();
  });

  test("a stranger replaying the parent's New Message and Items to complete actions gets nothing, and every page of the child's case answers 404", async ({ page, browser, baseURL }) => {
    // The demo data: Pat Parent has active access to Ella's case, with a form to complete.
    const pat = await browser.newContext({ javaScriptEnabled: false });
    const patPage = await pat.newPage();
    await signIn(patPage, browser, { email: "parent@demo-family.example", password: "Parent-demo-2026!" });
    await patPage.goto("/");
    await patPage.getByRole("link", { name: "SEND Dashboard for Ella Demo-Child" }).click();
    await patPage.waitForURL(/\/send\/[0-9a-f-]{36}$/);
    const caseId = new URL(patPage.url()).pathname.split("/").at(-1)!;
    const subject = `Forged ${crypto.randomUUID()}`;
    const messageFields = (await formFields(pat, `${baseURL}/send/${caseId}/messages/new`)).map(([k, v]) => [k, k === "subject" ? subject : k === "body" ? "Forged text" : k === "type" ? "general" : v] as [string, string]);
    const openFields = await formFields(pat, `${baseURL}/send/${caseId}/actions`, "main table form");
    await patPage.goto(`/send/${caseId}/documents`);
    const documentPath = await patPage.getByRole("table").getByRole("link").first().getAttribute("href");
    expect(documentPath).toMatch(/^\/send\/[^/]+\/documents\/[^/]+$/);

    await registerNewAccount(page, browser, "mallory");
    const headers = { Origin: baseURL!, Accept: "text/html" };
    const sent = await page.context().request.post(`${baseURL}/send/${caseId}/messages/new`, { multipart: Object.fromEntries(messageFields), headers, maxRedirects: 0 });
    expect(sent.status()).toBe(404);
    const opened = await page.context().request.post(`${baseURL}/send/${caseId}/actions`, { multipart: Object.fromEntries(openFields), headers, maxRedirects: 0 });
    expect(opened.status()).toBe(404);
    for (const path of ["", "/messages", "/messages/new", "/documents", "/actions"]) {
      const answer = await page.context().request.get(`${baseURL}/send/${caseId}${path}`, { maxRedirects: 0 });
      expect(answer.status(), `GET /send/<Ella>${path} as a stranger`).toBe(404);
    }
    expect((await page.context().request.get(`${baseURL}${documentPath}`, { maxRedirects: 0 })).status(), "a document of Ella's as a stranger").toBe(404);

    // Nothing was sent in Pat's name or Mallory's, and Mallory has no draft of Pat's form.
    await patPage.goto(`/send/${caseId}/messages`);
    await expect(patPage.getByText(subject)).toHaveCount(0);
    await page.goto("/drafts");
    await expect(page.getByText("You have no saved forms.")).toBeVisible();
    await pat.close();
  });
});
