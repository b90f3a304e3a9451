/**
 * The test fixture every end-to-end spec uses: `visit` goes to a page and checks it with axe
 * (WCAG 2.2 AA rules), and whatever page a test ends on is checked too. With JavaScript off
 * axe cannot run inside the page, so the same URL is checked in a JavaScript-on copy of the
 * session (same cookies) instead.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function analyse(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function expectAccessible(page: Page, isJavaScriptOn = true): Promise<void> {
  const context = page.context();
  const browser = context.browser();
  if (isJavaScriptOn || !browser) return analyse(page);
  // Contexts made in a test inherit the project options, so JavaScript is switched on by name.
  const copy = await browser.newContext({ storageState: await context.storageState(), viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const twin = await copy.newPage();
    await twin.goto(page.url());
    await analyse(twin);
  } finally {
    await copy.close();
  }
}

type Fixtures = { visit: (path: string) => Promise<void> };

export const test = base.extend<Fixtures>({
  visit: async ({ page, javaScriptEnabled }, use) => {
    await use(async (path) => {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBeLessThan(400);
      await expectAccessible(page, javaScriptEnabled);
    });
    if (page.url() !== "about:blank") await expectAccessible(page, javaScriptEnabled);
  },
});

export { expect };
