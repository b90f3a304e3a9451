/**
 * Actions to Complete (issue 9), as people use it: the SEND caseworker assigns the Parental
 * Preference Form to the demo parent's case; the parent opens it from the SEND Dashboard's
 * Actions to Complete, saves it for later, comes back from Items to complete, makes a PDF,
 * submits; the caseworker is emailed and sees the answers on the case. Axe checks every page the
 * parent loads, and the caseworker's pages at each step.
 */
import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { expectAccessible, test } from "./fixtures";
import { mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { signIn } from "./support/sign-in";

const SEND_CASEWORKER = { email: "send-caseworker@demo-council.example", password: "Send-caseworker-demo-2026!" };
const PARENT = { email: "parent@demo-family.example", password: "Parent-demo-2026!" };
const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();

async function caseworkerOnEllasCase(browser: Browser): Promise<{ staff: Page; caseId: string }> {
  const context = await browser.newContext();
  const staff = await context.newPage();
  await signIn(staff, browser, SEND_CASEWORKER);
  await staff.goto("/staff/send?stage=all&search=Ella+Demo-Child");
  await staff.getByRole("link", { name: /^EHC-/ }).first().click();
  await expect(heading(staff, "Ella Demo-Child")).toBeVisible();
  return { staff, caseId: new URL(staff.url()).pathname.split("/").at(-1)! };
}

test.describe("Actions to Complete", () => {
  test("the caseworker assigns the Parental Preference Form; the parent saves it, comes back, makes a PDF and submits; the caseworker sees the answers", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const school = `Demo Valley School ${randomUUID().slice(0, 6)}`;
    const { staff, caseId } = await caseworkerOnEllasCase(browser);
    await staff.getByRole("link", { name: "Actions to Complete" }).click();
    await expect(heading(staff, /Actions to Complete/)).toBeVisible();
    await expectAccessible(staff);
    const parentSeen = await mailSeenSoFar(browser, PARENT.email);
    await staff.getByLabel("Form").selectOption({ label: "Parental Preference Form" });
    await staff.getByRole("button", { name: "Assign form" }).click();
    await expect(staff.getByText("The form has been assigned")).toBeVisible();
    await nextEmailTo(browser, PARENT.email, parentSeen, "The SEND team has asked you to complete a form");

    // The parent opens it from the dashboard.
    await signIn(page, browser, PARENT);
    await page.goto(`/send/${caseId}`);
    await expect(page.getByRole("region", { name: /Actions to Complete \(\d+\)/ })).toContainText("Parental Preference Form");
    await page.getByRole("link", { name: /Items to complete/ }).click();
    await expect(heading(page, "Items to complete for Ella Demo-Child")).toBeVisible();
    // Oldest first: the one just assigned is the last (earlier runs on the same demo data may have left others).
    await page.getByRole("button", { name: "Parental Preference Form" }).last().click();
    await expect(heading(page, "Parental Preference Form")).toBeVisible();
    const sections = page.getByRole("navigation", { name: "Sections" });
    await expect(sections).toContainText("Parental Preference Guidance");
    await expect(sections).toContainText("Parental Guidance Continued");
    await expect(sections).toContainText("Supporting Documentation");
    await next(page);
    await expect(heading(page, "Parental Preference Guidance")).toBeVisible();
    await next(page);
    await expect(heading(page, "Parental Guidance Continued")).toBeVisible();
    await next(page);
    await page.getByLabel("Your full name").fill("Pat Parent");
    await page.getByRole("group", { name: /Your relationship to/ }).getByLabel("Parent", { exact: true }).check();
    await page.getByLabel("The school or setting you would like named").fill(school);
    await page.getByLabel("Mainstream school or college").check();
    await page.getByLabel("Why would you like this school or setting?").fill("It is close to home and her brother goes there.");
    await page.getByRole("button", { name: "Save for later" }).click();
    await expect(page.getByRole("heading", { name: "Your form has been saved" })).toBeVisible();

    // Comes back from Items to complete: the answers are there.
    await page.goto(`/send/${caseId}/actions`);
    const assignedRows = page.getByRole("row").filter({ hasText: "Parental Preference Form" });
    const openBefore = await assignedRows.count();
    await expect(assignedRows.last()).toContainText("In progress");
    await page.getByRole("button", { name: "Parental Preference Form" }).last().click();
    await sections.getByRole("button", { name: /Parental Preference Form/ }).last().click();
    await expect(page.getByLabel("The school or setting you would like named")).toHaveValue(school);

    // Create PDF.
    const pdf = await page.request.get(await page.getByRole("link", { name: "Create PDF" }).getAttribute("href") ?? "");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    // On to the end and Submit.
    await next(page);
    await expect(heading(page, "Supporting Documentation")).toBeVisible();
    await page.getByRole("button", { name: "Check your answers", exact: true }).click();
    await expect(heading(page, "Check your answers")).toBeVisible();
    await expect(page.getByText(school)).toBeVisible();
    await page.getByRole("link", { name: "Continue", exact: true }).click();
    await expect(heading(page, "Submit")).toBeVisible();
    await page.getByLabel(/The information I have given is true/).check();
    const staffSeen = await mailSeenSoFar(browser, SEND_CASEWORKER.email);
    await page.getByRole("button", { name: "Send to Local Authority" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
    await expect(heading(page, "Thank you: your form has been sent")).toBeVisible();
    // It has left the family's list.
    await page.goto(`/send/${caseId}/actions`);
    await expect(assignedRows).toHaveCount(openBefore - 1);

    // The caseworker is emailed and sees the answers on the case.
    await nextEmailTo(browser, SEND_CASEWORKER.email, staffSeen, "A family has sent a form you asked for");
    await staff.goto(`/staff/send/${caseId}/actions`);
    await staff.getByRole("link", { name: /View answers/ }).first().click();
    await expect(staff.getByText(school)).toBeVisible();
    await expectAccessible(staff);
    await staff.context().close();
  });
});
