import type { Browser, Page } from "@playwright/test";
import { test } from "../fixtures";

/**
 * A page in a browser context of its own (another person: the caseworker beside the parent) with
 * the running project's settings, so it too works without JavaScript or at 320 px when the
 * project does. Axe does not watch it: call expectAccessible after its loads.
 */
export async function pageLikeProject(browser: Browser): Promise<Page> {
  const use = test.info().project.use;
  const context = await browser.newContext({ viewport: use.viewport, javaScriptEnabled: use.javaScriptEnabled !== false, isMobile: use.isMobile, hasTouch: use.hasTouch, baseURL: use.baseURL });
  return context.newPage();
}

/** Fills a GOV.UK date input (Day, Month, Year) found by its group's name. */
export async function fillDateGroup(page: Page, group: string | RegExp, day: string, month: string, year: string): Promise<void> {
  const fields = page.getByRole("group", { name: group }).first();
  await fields.getByLabel("Day").fill(day);
  await fields.getByLabel("Month").fill(month);
  await fields.getByLabel("Year").fill(year);
}
