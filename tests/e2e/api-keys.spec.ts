/**
 * API keys for the case system (issue 17 points 3 and 4), end to end: the council admin creates a
 * key for the Early Help team and sees it once; the case system, with that key, finds a demo
 * referral and posts a response; the referrer is emailed and reads the response in Submitted
 * Forms; the admin revokes the key and the case system's next call is refused (401).
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { signIn } from "./support/sign-in";

const ADMIN = { email: "admin@demo-council.example", password: "Council-admin-demo-2026!" };
const REFERRER = { email: "referrer@demo-school.example", password: "Referrer-demo-2026!" };
const KEY = /^cpk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

test.describe("API keys", () => {
  test("an admin's key lets the case system answer a referral, which the referrer reads; revoked, it is refused", async ({ page, browser, request, visit }) => {
    test.setTimeout(180_000);
    const name = `Case system ${randomUUID().slice(0, 8)}`;
    const responseText = `The Early Help team has opened a case (${randomUUID().slice(0, 8)}).`;

    // Given the council admin creates a key for Early Help.
    await signIn(page, browser, ADMIN);
    await visit("/staff/admin/api-keys");
    await page.getByRole("textbox", { name: "Name" }).fill(name);
    await page.getByRole("checkbox", { name: "Early Help" }).check();
    await page.getByRole("button", { name: "Create API key" }).click();
    const shown = page.getByText(KEY);
    await expect(shown).toBeVisible();
    const key = (await shown.textContent())!.trim();
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: name })).toContainText(key.slice(0, 12));

    // The key is shown once: not on the page again.
    await visit("/staff/admin/api-keys");
    await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
    await expect(page.getByText(key)).toHaveCount(0);

    // When the case system lists Early Help's forms and posts a response to one still open.
    const headers = { authorization: `Bearer ${key}` };
    const list = await request.get("/api/v1/submissions?status=all&team=early-help", { headers });
    expect(list.status()).toBe(200);
    const items = ((await list.json()) as { items: { reference: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    const seen = await mailSeenSoFar(browser, REFERRER.email);
    let answered: string | undefined;
    // Newest first: another spec may already have answered the older ones (409, as in /staff).
    for (const { reference } of [...items].reverse()) {
      const posted = await request.post(`/api/v1/submissions/${reference}/response`, { headers, data: { response: responseText } });
      if (posted.status() === 409) continue;
      expect(posted.status()).toBe(200);
      expect(await posted.json()).toEqual({ reference, status: "response-posted" });
      answered = reference;
      break;
    }
    expect(answered, "an Early Help demo referral open to a response").toBeDefined();

    // Then the referrer is emailed, and reads the response in Submitted Forms.
    const email = await nextEmailTo(browser, REFERRER.email, seen, "A response has been posted");
    expect(email.text).toContain(answered!);
    const referrer = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
    const referrerPage = await referrer.newPage();
    await signIn(referrerPage, browser, REFERRER);
    await referrerPage.goto("/submitted");
    await expect(referrerPage.getByRole("row").filter({ hasText: answered! })).toContainText(responseText);
    await referrer.close();

    // When the admin revokes the key, the case system's calls are refused.
    await visit("/staff/admin/api-keys");
    await page.getByRole("button", { name: `Revoke the API key ${name}` }).click();
    await expect(page.getByRole("alert")).toContainText("API key revoked");
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");
    const refused = await request.get("/api/v1/submissions", { headers });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorized" } });
  });
});
