import { expect, test } from "./fixtures";
import { codeIn, mailSeenSoFar, nextEmailTo } from "./support/mailbox";

// The demo referrer seeded on the embedded database.
const REFERRER = { email: "referrer@demo-school.example", password: "Referrer-demo-2026!" };

test.describe("go-live security, as an attacker would try it", () => {
  test("a hostile return address still ends a full sign-in on our own site", async ({ page, browser, baseURL }) => {
    const seen = await mailSeenSoFar(browser, REFERRER.email);
    // A link someone was sent: a tab between the slashes, which browsers drop ("//evil.example").
    await page.goto(`/account/sign-in?returnTo=${encodeURIComponent("/\t/evil.example/phish")}`);
    // And the hidden field itself changed, as a forged form would post it.
    await page.locator('input[name="returnTo"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), "/\\evil.example");
    await page.getByLabel("Email address").fill(REFERRER.email);
    await page.getByLabel("Password").fill(REFERRER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await page.locator('input[name="returnTo"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), "/%2F%2Fevil.example");
    const email = await nextEmailTo(browser, REFERRER.email, seen, "Your sign-in code");
    await page.getByLabel("Code").fill(codeIn(email.text));
    await page.getByRole("button", { name: "Finish" }).click();
    await expect(page).toHaveURL(/\/account$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });

  test("a post from another site, or with no origin, gets a plain 403 page and changes nothing", async ({ playwright, baseURL }) => {
    const outsider = await playwright.request.newContext({ baseURL });
    try {
      for (const headers of [{}, { Origin: "https://evil.example" }, { Origin: "null" }] as Record<string, string>[]) {
        const answer = await outsider.post("/account/sign-in", { headers, form: { email: REFERRER.email, password: REFERRER.password }, maxRedirects: 0 });
        expect(answer.status()).toBe(403);
        expect(await answer.text()).toContain("This request was refused");
      }
      const upload = await outsider.post("/drafts/00000000-0000-4000-8000-000000000000/attachments", { headers: { Origin: "https://evil.example" }, multipart: { file: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("hello") } }, maxRedirects: 0 });
      expect(upload.status()).toBe(403);
    } finally {
      await outsider.dispose();
    }
  });
});
