/**
 * The test fixture every end-to-end spec uses. Every page a test loads, in any browser context
 * the test opens (the caseworker's beside the parent's included), is checked as it loads:
 * - with axe (WCAG 2.2 AA rules). With JavaScript off axe cannot run inside the page, so the
 *   same URL is checked in a JavaScript-on copy of the session (same cookies) instead;
 * - for sideways scrolling on a 320 px wide screen (WCAG 1.4.10 Reflow): on the page itself
 *   when it is that narrow (the phone project), else on a 320 px copy of it: of the page as it
 *   stands (its HTML, without scripts, laid out with its styles), so the check asks nothing of
 *   the server that could touch the session or the data under test; without JavaScript, in the
 *   JavaScript-on copy axe uses, narrowed.
 * `visit` goes to a page and checks it before going on.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** WCAG 1.4.10: content reflows at 320 CSS pixels wide. */
export const NARROW_WIDTH = 320;
const NARROW_VIEWPORT = { width: NARROW_WIDTH, height: 640 };

async function violationsOn(page: Page): Promise<string[]> {
  // The check runs beside the test, so the element the test has just clicked may still have
  // focus; GOV.UK's focus style (yellow, no underline) is then not a link at rest. That element
  // is checked at rest on the other loads.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude(":focus").analyze();
  return results.violations.map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** How wide the page is at 320 px, naming the innermost elements that stick out, if it scrolls sideways. */
export async function sidewaysScrollOn(page: Page, url = page.url()): Promise<string[]> {
  const wide = await page.evaluate((limit) => {
    const width = document.documentElement.scrollWidth;
    if (width <= limit) return null;
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > limit + 0.5;
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${typeof element.className === "string" && element.className ? `.${element.className.trim().split(/\s+/).slice(0, 4).join(".")}` : ""}`;
    const innermost = [...document.body.querySelectorAll("*")].filter((element) => sticksOut(element) && ![...element.children].some(sticksOut));
    return { width, culprits: innermost.slice(0, 4).map(describe) };
  }, NARROW_WIDTH);
  return wide ? [`${url} scrolls sideways at ${NARROW_WIDTH} px: ${wide.width} px wide (${wide.culprits.join(", ")})`] : [];
}

// browser.newContext as it was before this file watched it: the checks' own copies are not watched.
const unwatchedNewContext = new WeakMap<Browser, Browser["newContext"]>();

function newUnwatchedContext(page: Page, options: BrowserContextOptions): Promise<BrowserContext> | undefined {
  const browser = page.context().browser();
  if (!browser) return undefined;
  // Contexts made in a test inherit the project options, so JavaScript is switched on by name.
  return (unwatchedNewContext.get(browser) ?? browser.newContext.bind(browser))({ javaScriptEnabled: true, ...options });
}

/** The page's HTML as it stands, to lay out elsewhere: its scripts dropped, its links resolved against its address. */
const staticCopyOf = (html: string, url: string) =>
  html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "").replace(/<head([^>]*)>/i, `<head$1><base href="${new URL("/", url).href}">`);

/** The page at 320 px: its DOM laid out in a narrow window of its own, with no cookies and no requests but its styles and images. */
async function sidewaysScrollOfCopy(page: Page): Promise<string[]> {
  const url = page.url();
  const html = await page.content();
  const copy = await newUnwatchedContext(page, { viewport: NARROW_VIEWPORT });
  if (!copy) return [];
  try {
    const twin = await copy.newPage();
    await twin.setContent(staticCopyOf(html, url), { waitUntil: "load" });
    return await sidewaysScrollOn(twin, url);
  } finally {
    await copy.close();
  }
}

async function checkPage(page: Page, isJavaScriptOn: boolean): Promise<string[]> {
  const isNarrow = (page.viewportSize()?.width ?? Infinity) <= NARROW_WIDTH;
  if (isJavaScriptOn) return [...(await violationsOn(page)), ...(isNarrow ? await sidewaysScrollOn(page) : await sidewaysScrollOfCopy(page))];
  // Without JavaScript axe cannot run in the page: it runs in a JavaScript-on copy of the session, which is then narrowed.
  const copy = await newUnwatchedContext(page, { storageState: await page.context().storageState(), viewport: page.viewportSize() });
  if (!copy) return [];
  try {
    const twin = await copy.newPage();
    await twin.goto(page.url());
    const found = await violationsOn(twin);
    await twin.setViewportSize(NARROW_VIEWPORT);
    return [...found, ...(await sidewaysScrollOn(twin, page.url()))];
  } finally {
    await copy.close();
  }
}

export async function expectAccessible(page: Page, isJavaScriptOn = true): Promise<void> {
  expect(await checkPage(page, isJavaScriptOn), `axe violations or sideways scrolling on ${page.url()}`).toEqual([]);
}

/**
 * A page that moved on while axe was reading it, or whose browser context the test had already
 * closed when its queued check came up: that load was not checked, the next one is.
 */
// "reading 'utils'": axe's script was injected into the page that was just replaced.
// "Axe is already running": the test's own expectAccessible is reading this same page at that
// moment (a spec that checks a page explicitly right after it loads), and that run checks it.
const isNavigationRace = (error: unknown) =>
  /context was destroyed|navigat|Target .*closed|has been closed|frame was detached|reading 'utils'|Failed to find browser context|Axe is already running/i.test(String(error));

/** A check that cannot finish (its page's context closing under it) must not hold the test's end. */
const CHECK_TIME_MS = 30_000;
function withinCheckTime<T>(check: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the page check took over ${CHECK_TIME_MS / 1000} s`)), CHECK_TIME_MS);
  });
  return Promise.race([check, timeout]).finally(() => clearTimeout(timer));
}

type PageWatch = { settled: () => Promise<string[]> };
type Fixtures = { visit: (path: string) => Promise<void>; axeOnEveryLoad: PageWatch };

export const test = base.extend<Fixtures>({
  axeOnEveryLoad: [
    async ({ page, browser, javaScriptEnabled }, use) => {
      const found: string[] = [];
      // One check at a time: the pages' checks queue behind each other.
      let queue = Promise.resolve();
      const watch = (watched: Page, isJavaScriptOn: boolean) =>
        watched.on("load", () => {
          const loaded = watched.url();
          if (loaded.startsWith("about:") || loaded.includes("/dev/mailbox")) return;
          // A page that moved on (a client-side navigation, which fires no load) before or while its
          // check ran was not the page that loaded: its half-swapped document (a title not yet
          // set) is not judged; the page it moved to is checked by the test's own steps or its next load.
          const hasMovedOn = () => watched.url() !== loaded;
          queue = queue.then(() => {
            // A page the test has closed (or whose context it closed) since it loaded is not checked.
            if (watched.isClosed() || hasMovedOn()) return;
            return withinCheckTime(checkPage(watched, isJavaScriptOn)).then(
              (problems) => void (hasMovedOn() || found.push(...problems)),
              (error: unknown) => {
                if (!isNavigationRace(error) && !watched.isClosed()) found.push(`${watched.url()}: check failed: ${String(error)}`);
              },
            );
          });
        });
      watch(page, javaScriptEnabled);
      page.context().on("page", (opened) => watch(opened, javaScriptEnabled));
      // Every context the test opens (another person's session) is watched the same way.
      const newContext = browser.newContext;
      unwatchedNewContext.set(browser, newContext.bind(browser));
      browser.newContext = async (options?: BrowserContextOptions) => {
        const context = await newContext.call(browser, options);
        context.on("page", (opened) => watch(opened, options?.javaScriptEnabled ?? javaScriptEnabled));
        return context;
      };
      try {
        await use({ settled: () => queue.then(() => found) });
        await queue;
      } finally {
        browser.newContext = newContext;
        unwatchedNewContext.delete(browser);
      }
      expect(found, "axe violations or sideways scrolling on pages loaded during the test").toEqual([]);
    },
    { auto: true },
  ],
  visit: async ({ page, axeOnEveryLoad }, use) => {
    await use(async (path) => {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBeLessThan(400);
      expect(await axeOnEveryLoad.settled(), `axe violations or sideways scrolling by the time ${path} was checked`).toEqual([]);
    });
  },
});

export { expect };
