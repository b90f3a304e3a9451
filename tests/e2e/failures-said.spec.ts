/**
 * Issue 15, points 2 and 3, with JavaScript: the idle warning counts typing (through the server,
 * whose idle clock signs people out), and failures are said: an upload the server refuses
 * without sending the page back, and an autosave that does not get through. Axe checks every
 * page as it loads (fixtures.ts), and the pages that change without loading once they have.
 */
import { expect, type Page } from "@playwright/test";
import { expectAccessible, test } from "./fixtures";
import { moveClock } from "./support/clock";
import { registerNewAccount } from "./support/register";

const MINIMAL_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/** A new Safeguarding Concern about one child, opened at one of its sections. */
async function openSection(page: Page, sectionId: string, title: string) {
  await page.goto("/forms/safeguarding-concern");
  await page.getByLabel("First name").fill("Noor");
  await page.getByLabel("Last name").fill("Khan");
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.goto(page.url().replace(/overview$/, sectionId));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test.describe("the idle warning", () => {
  test("does not open while the person keeps typing past the warning time, and the server keeps them signed in", async ({ page, browser, request }) => {
    test.setTimeout(180_000);
    // The dialog times itself on the browser's clock and the server signs out on its own: both
    // move together here, four minutes at a time, 32 minutes in all (the warning is due at 27).
    await page.clock.install();
    await registerNewAccount(page, browser, "typist");
    await openSection(page, "contact-information", "Contact Information");
    const field = page.getByLabel("Parent or carer's full name");
    const dialog = page.getByRole("dialog", { name: "You will be signed out soon" });
    const saved = page.getByRole("status").filter({ hasText: "Your answers on this page have been saved." });
    try {
      for (let minutes = 4; minutes <= 32; minutes += 4) {
        await moveClock(request, minutes);
        await page.clock.fastForward("04:00");
        await expect(dialog, `after ${minutes} minutes of typing`).toBeHidden();
        await field.pressSequentially("a");
        await expect(saved).toBeHidden();
        // The pause after which the page saves what was typed.
        await page.clock.fastForward(2_500);
        await expect(saved).toBeVisible();
      }
      // The server agrees the person is still here: the page saves rather than asking to sign in.
      await page.getByRole("button", { name: "Save for later" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Your form has been saved" })).toBeVisible();

      // Once the typing stops the warning comes as before, and its countdown is read out in steps.
      await page.clock.fastForward("27:30");
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText("we will sign you out in 2 minutes");
      const spoken = dialog.getByRole("status");
      await expect(spoken).toHaveText("");
      await page.clock.fastForward(31_000);
      await expect(spoken).toHaveText("We will sign you out in 1 minute.");
      await page.clock.fastForward(30_000);
      await expect(spoken).toHaveText("We will sign you out in 30 seconds.");
    } finally {
      await moveClock(request, 0);
    }
  });
});

test.describe("failures are said", () => {
  test("an upload refused because the form was cancelled in another tab says why, beside the field and in the summary", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await registerNewAccount(page, browser, "refused-upload");
    await openSection(page, "supporting-documentation", "Supporting Documentation");
    const draftPath = new URL(page.url()).pathname.replace(/\/section\/.*$/, "");

    const other = await page.context().newPage();
    await other.goto(`${draftPath}/cancel`);
    await other.getByRole("button", { name: "Yes, delete this form" }).click();
    await expect(other.getByRole("heading", { level: 1, name: "Recover a form" })).toBeVisible();
    await expect(other.getByText("You have no saved forms.")).toBeVisible();
    await expectAccessible(other);
    await other.close();

    // The route answers 404 (the form is gone) rather than a page to go back to.
    await page.getByLabel("Upload a file").setInputFiles({ name: "minutes.pdf", mimeType: "application/pdf", buffer: Buffer.from(MINIMAL_PDF) });
    await page.getByRole("button", { name: "Upload file" }).click();
    const message = "minutes.pdf could not be uploaded because this form is no longer available. It may have been sent or cancelled in another tab or window";
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("link", { name: message })).toBeVisible();
    await expect(page.getByLabel("Upload a file")).toHaveAccessibleDescription(new RegExp(`Error: ${message}`));
    await expectAccessible(page);
  });

  test("an autosave that does not get through says so beside the buttons until a save does", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await registerNewAccount(page, browser, "offline");
    await openSection(page, "contact-information", "Contact Information");
    const sectionPath = new URL(page.url()).pathname;
    const isSectionPage = (url: URL) => url.pathname === sectionPath;
    const notSaved = page.getByRole("status").filter({ hasText: "Your last changes were not saved. Check your connection." });
    const saved = page.getByRole("status").filter({ hasText: "Your answers on this page have been saved." });

    // The network drops (the browser's own failure, not a made-up answer from the server).
    await page.route(isSectionPage, (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
    await page.getByLabel("Parent or carer's full name").fill("Sam Parker");
    await expect(notSaved).toBeVisible();
    await expectAccessible(page);

    // The connection is back: the next save goes through and the message gives way to it.
    await page.unroute(isSectionPage);
    await page.getByLabel("Parent or carer's full name").pressSequentially("-Jones");
    await expect(saved).toBeVisible();
    await expect(notSaved).toBeHidden();
    await page.reload();
    await expect(page.getByLabel("Parent or carer's full name")).toHaveValue("Sam Parker-Jones");
  });
});
