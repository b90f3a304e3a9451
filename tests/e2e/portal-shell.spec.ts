import { expect, test } from "./fixtures";

test.describe("the portal shell", () => {
  test("a visitor sees the Children's Portal home page with the council's name and logo @core", async ({ page, visit }) => {
    await visit("/");
    await expect(page.getByRole("heading", { level: 1, name: "Children's Portal" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("img", { name: /Demo Borough Council/ })).toBeVisible();
    await expect(page).toHaveTitle(/Children's Portal/);
  });

  test("the footer leads to the accessibility statement and the privacy notice @core", async ({ page, visit }) => {
    await visit("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Accessibility statement/ })).toBeVisible();
    await visit("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Privacy notice/ })).toBeVisible();
  });

  test("keyboard users can skip straight to the main content", async ({ page, visit }) => {
    await visit("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main-content$/);
  });

  test("the page fits a 320 px wide screen without sideways scrolling @core", async ({ page, visit }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await visit("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("an unknown address shows a page-not-found page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/Page not found/i);
  });
});

test.describe("what every page sends", () => {
  test("security headers: a nonce CSP that forbids framing, HSTS, nosniff, no caching", async ({ request }) => {
    const response = await request.get("/");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["cache-control"]).toBe("no-store");
    // A fresh nonce on every request.
    const again = (await request.get("/")).headers()["content-security-policy"];
    expect(again).not.toBe(headers["content-security-policy"]);
  });
});

test.describe("health and the developer mailbox", () => {
  test("GET /api/health answers 200 with every part ok, malware scanning on", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      parts: { database: "ok", storage: "ok", mail: "ok", browser: "ok", jobWorker: "ok" },
      down: [],
      scanning: { state: "on", signaturesAgeDays: expect.any(Number) },
    });
  });

  test("the mailbox page lists the embedded mail server's messages @core", async ({ page, visit }) => {
    await visit("/dev/mailbox");
    await expect(page.getByRole("heading", { level: 1, name: "Mailbox" })).toBeVisible();
  });
});
