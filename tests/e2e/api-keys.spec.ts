/**
 * API keys for the case system (issue 17 points 3 and 4), end to end: the demo referrer sends a
 * Safeguarding Concern (a new one each run, since the demo data persists between runs and other
 * specs need the seeded referrals as they are); the council admin creates a key for Front Door /
 * MASH and sees it once; the case system, with that key, finds the form among the undelivered
 * ones and posts a response; the referrer is emailed and reads the response in Submitted Forms;
 * the admin revokes the key and the case system's next call is refused (401).
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { sendSafeguardingConcern } from "./support/safeguarding-concern";
import { signIn } from "./support/sign-in";

const ADMIN = { email: "admin@demo-council.example", password: "Council-admin-demo-2026!" };
const REFERRER = { email: "referrer@demo-school.example", password: "Referrer-demo-2026!" };
const KEY = /^cpk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

test.describe("API keys", () => {
  test("an admin's key lets the case system answer a referral, which the referrer reads; revoked, it is refused", async ({ page, browser, request, visit }) => {
    test.setTimeout(180_000);
    const name = `Case system ${randomUUID().slice(0, 8)}`;
    const responseText = `Front Door has opened a case (${randomUUID().slice(0, 8)}).`;

    // Given the demo referrer has sent a Safeguarding Concern (to Front Door / MASH).
    const referrer = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
    const referrerPage = await referrer.newPage();
    await signIn(referrerPage, browser, REFERRER);
    const reference = await sendSafeguardingConcern(referrerPage, ["Kit", "Api-Child"]);

    // And the council admin creates a key for Front Door / MASH.
    await signIn(page, browser, ADMIN);
    await visit("/staff/admin/api-keys");
    await page.getByRole("textbox", { name: "Name" }).fill(name);
    await page.getByRole("checkbox", { name: "Front Door / MASH" }).check();
    await page.getByRole("button", { name: "Create API key" }).click();
    const shown = page.getByText(KEY);
    await expect(shown).toBeVisible();
    const key = (await shown.textContent())!.trim();
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: name })).toContainText(key.slice(0, 12));

    // The key is shown once: not on the page again.
    await visit("/staff/admin/api-keys");
    await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
    await expect(page.getByText(key)).toHaveCount(0);

    // When the case system finds the form among the undelivered ones and posts a response.
    const headers = { authorization: `Bearer ${key}` };
    const references: string[] = [];
    for (let url: string | null = "/api/v1/submissions?status=undelivered&team=social-care&limit=200"; url; ) {
      const listed = await request.get(url, { headers });
      expect(listed.status()).toBe(200);
      const body = (await listed.json()) as { items: { reference: string }[]; links: { next: string | null } };
      references.push(...body.items.map((item) => item.reference));
      url = body.links.next;
    }
    expect(references).toContain(reference);
    const seen = await mailSeenSoFar(browser, REFERRER.email);
    const posted = await request.post(`/api/v1/submissions/${reference}/response`, { headers, data: { response: responseText } });
    expect(posted.status()).toBe(200);
    expect(await posted.json()).toEqual({ reference, status: "response-posted" });

    // Then the referrer is emailed, and reads the response in Submitted Forms.
    const email = await nextEmailTo(browser, REFERRER.email, seen, "A response has been posted");
    expect(email.text).toContain(reference);
    await referrerPage.goto("/submitted");
    await expect(referrerPage.getByRole("row").filter({ hasText: reference })).toContainText(responseText);
    await referrer.close();

    // When the admin revokes the key, the case system's calls are refused.
    await visit("/staff/admin/api-keys");
    await page.getByRole("button", { name: `Revoke the API key ${name}` }).click();
    await expect(page.getByRole("alert", { name: "Success" })).toContainText("API key revoked");
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");
    const refused = await request.get("/api/v1/submissions", { headers });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorized" } });
  });
});
