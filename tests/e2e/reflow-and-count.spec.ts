/**
 * Issue 15, points 4 and 5, as people meet them on the demo data.
 * - Reflow: on a 320 px screen the tables of the staff inbox, a SEND case and Submitted Forms
 *   stack their rows, each value under its column's name, and nothing scrolls sideways (the
 *   fixture also checks every page the suite loads at 320 px).
 * - Character count: the secure message box says how many characters it takes; with JavaScript
 *   it counts down as the parent types and reads the count out once typing pauses. Text over the
 *   limit is never cut: the server refuses it beside the field and keeps every character.
 *   Tagged @core: it also runs with JavaScript off and at 320 px wide.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, NARROW_WIDTH, test } from "./fixtures";
import { signIn } from "./support/sign-in";

const PARENT = { email: "parent@demo-family.example", password: "Parent-demo-2026!" };
const CASEWORKER = { email: "caseworker@demo-council.example", password: "Caseworker-demo-2026!" };
const SEND_CASEWORKER = { email: "send-caseworker@demo-council.example", password: "Send-caseworker-demo-2026!" };
const REFERRER = { email: "referrer@demo-school.example", password: "Referrer-demo-2026!" };
const CHILD = "Ella Demo-Child";
const LIMIT = 5000;

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** A phone-sized page signed in as this account. */
async function phonePage(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: NARROW_WIDTH, height: 640 } });
  const page = await context.newPage();
  await signIn(page, browser, account);
  return page;
}

/** The first row of a table after its headers, with the label a sighted reader sees over a value. */
async function expectStackedRow(page: Page, table: RegExp, labels: string[]) {
  const grid = page.getByRole("table", { name: table });
  await expect(grid).toBeVisible();
  // A screen reader still meets a table with its column headers.
  for (const label of labels) await expect(grid.getByRole("columnheader", { name: label, exact: true })).toHaveCount(1);
  const row = grid.getByRole("row").nth(1);
  for (const label of labels) await expect(row.getByText(label, { exact: true })).toBeVisible();
  // Stacked: each labelled value sits below the one before, not beside it.
  const [first, second] = [await row.getByText(labels[0]!, { exact: true }).boundingBox(), await row.getByText(labels[1]!, { exact: true }).boundingBox()];
  expect(second!.y).toBeGreaterThan(first!.y);
  expect(await pageWidth(page)).toBeLessThanOrEqual(NARROW_WIDTH);
}

test.describe("on a 320 px screen", () => {
  test("the staff inbox, a SEND case and Submitted Forms stack their tables instead of scrolling sideways", async ({ browser }) => {
    test.setTimeout(180_000);
    const caseworker = await phonePage(browser, CASEWORKER);
    await caseworker.goto("/staff?tab=all");
    await expect(heading(caseworker, "Referrals")).toBeVisible();
    await expectStackedRow(caseworker, /referrals \(\d+\)/, ["Reference", "Form", "Children", "Team", "Sent"]);
    await caseworker.context().close();

    const sendCaseworker = await phonePage(browser, SEND_CASEWORKER);
    await sendCaseworker.goto(`/staff/send?stage=all&search=${encodeURIComponent(CHILD)}`);
    await sendCaseworker.getByRole("link", { name: /^EHC-/ }).first().click();
    await expect(heading(sendCaseworker, CHILD)).toBeVisible();
    await expectStackedRow(sendCaseworker, /Due dates and whether each was met/, ["Timescale", "Due", "Done on"]);
    await sendCaseworker.context().close();

    const referrer = await phonePage(browser, REFERRER);
    await referrer.goto("/submitted");
    await expect(heading(referrer, "Submitted Forms")).toBeVisible();
    await expectStackedRow(referrer, /Recently Submitted Forms/, ["Details", "Name", "Date", "Reference", "Response"]);
    await referrer.context().close();
  });
});

test.describe("a text box with a limit @core", () => {
  test("says how many characters are left, and keeps an over-long message whole with the server's message beside it", async ({ page, browser, javaScriptEnabled }) => {
    test.setTimeout(120_000);
    await signIn(page, browser, PARENT);
    await page.goto("/");
    await page.getByRole("link", { name: `SEND Dashboard for ${CHILD}` }).click();
    await expect(heading(page, `SEND Dashboard - ${CHILD}`)).toBeVisible();
    const caseId = new URL(page.url()).pathname.split("/").at(-1)!;
    await page.goto(`/send/${caseId}/messages/new`);
    await expect(heading(page, "Secure Message")).toBeVisible();
    const box = page.getByRole("textbox", { name: /^Message/ });
    // The count as seen under the box (a status region repeats it for screen readers).
    const shownCount = (text: string) => page.getByText(text, { exact: true }).and(page.locator(":not([role=status])"));
    await expect(box).toHaveAccessibleDescription(/You can enter up to 5,000 characters/);

    const overLong = `${"Our bus is late every day. ".repeat(185)}`.padEnd(LIMIT + 20, "!");
    if (javaScriptEnabled) {
      await expect(shownCount("You have 5,000 characters remaining")).toBeVisible();
      await box.fill("a".repeat(LIMIT - 10));
      await expect(shownCount("You have 10 characters remaining")).toBeVisible();
      // Pasted text is kept whole and the count says how much to cut; a screen reader hears it when typing stops.
      await box.fill(overLong);
      await expect(shownCount("You have 20 characters too many")).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "You have 20 characters too many" })).toBeAttached();
    } else {
      await expect(page.getByText("You can enter up to 5,000 characters")).toBeVisible();
      await box.fill(overLong);
    }
    await expect(box).toHaveValue(overLong);

    // Sending it anyway: the server says why beside the field and keeps every character.
    await page.getByRole("combobox", { name: /^Message Type/ }).selectOption({ label: "General" });
    await page.getByRole("textbox", { name: /^Subject/ }).fill("A long message");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("link", { name: "Your message must be 5,000 characters or fewer" })).toHaveAttribute("href", "#message-body");
    await expect(box).toHaveAccessibleDescription(/Your message must be 5,000 characters or fewer/);
    await expect(box).toHaveValue(overLong);
    if (javaScriptEnabled) await expect(shownCount("You have 20 characters too many")).toBeVisible();
  });
});
