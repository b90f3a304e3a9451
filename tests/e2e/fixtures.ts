/**
 * The test fixture every end-to-end spec uses. Every page a test loads is checked with axe
 * (WCAG 2.2 AA rules) as it loads, and `visit` goes to a page and checks it before going on.
 * With JavaScript off axe cannot run inside the page, so the same URL is checked in a
 * JavaScript-on copy of the session (same cookies) instead.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function violationsOn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function checkPage(page: Page, isJavaScriptOn: boolean): Promise<string[]> {
  const context = page.context();
  const browser = context.browser();
  if (isJavaScriptOn || !browser) return violationsOn(page);
  // Contexts made in a test inherit the project options, so JavaScript is switched on by name.
  const copy = await browser.newContext({ storageState: await context.storageState(), viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const twin = await copy.newPage();
    await twin.goto(page.url());
    return await violationsOn(twin);
  } finally {
    await copy.close();
  }
}

export async function expectAccessible(page: Page, isJavaScriptOn = true): Promise<void> {
  expect(await checkPage(page, isJavaScriptOn), `axe violations on ${page.url()}`).toEqual([]);
}

/** A page that moved on while axe was reading it: that load was not checked, the next one is. */
// "reading 'utils'": axe's script was injected into the page that was just replaced.
const isNavigationRace = (error: unknown) => /context was destroyed|navigat|Target .*closed|frame was detached|reading 'utils'/i.test(String(error));

type AxeWatch = { settled: () => Promise<string[]> };
type Fixtures = { visit: (path: string) => Promise<void>; axeOnEveryLoad: AxeWatch };

export const test = base.extend<Fixtures>({
  axeOnEveryLoad: [
    async ({ page, javaScriptEnabled }, use) => {
      const found: string[] = [];
      // One axe run at a time: a page's checks queue behind each other.
      let queue = Promise.resolve();
      page.on("load", () => {
        if (page.url().startsWith("about:") || page.url().includes("/dev/mailbox")) return;
        queue = queue.then(() =>
          checkPage(page, javaScriptEnabled).then(
            (violations) => void found.push(...violations),
            (error: unknown) => {
              if (!isNavigationRace(error)) found.push(`${page.url()}: axe failed: ${String(error)}`);
            },
          ),
        );
      });
      await use({ settled: () => queue.then(() => found) });
      await queue;
      expect(found, "axe violations on pages loaded during the test").toEqual([]);
    },
    { auto: true },
  ],
  visit: async ({ page, axeOnEveryLoad }, use) => {
    await use(async (path) => {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBeLessThan(400);
      expect(await axeOnEveryLoad.settled(), `axe violations by the time ${path} was checked`).toEqual([]);
    });
  },
});

export { expect };
