/**
 * Referral forms as people use them (issue 4): a visitor starts a Safeguarding Concern about two
 * children, registers at the first details section, answers one question differently for one
 * child, saves for later, comes back through the emailed link, finishes, checks answers and
 * sends it once. Axe checks every page as it loads (fixtures.ts).
 */
import { readFile } from "node:fs/promises";
import { expect, type Browser, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { test } from "./fixtures";
import { mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { registerNewAccount } from "./support/register";
import { signIn } from "./support/sign-in";

/** The smallest file a PDF reader (and our upload check) takes for a PDF. */
const MINIMAL_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

/** From the home page to the form's overview, as a visitor: two children, then Confirm. */
async function startSafeguardingConcern(page: Page, names: [string, string][]) {
  await page.goto("/");
  await page.getByRole("link", { name: "Child/Young Person Safeguarding Concern" }).click();
  await expect(heading(page, "Start your form")).toBeVisible();
  for (const [index, [forename, surname]] of names.entries()) {
    if (index > 0) await page.getByRole("button", { name: "+ Add another person" }).click();
    const person = page.getByRole("group", { name: `Person ${index + 1}` });
    await person.getByLabel("First name").fill(forename);
    await person.getByLabel("Last name").fill(surname);
  }
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
}

async function fillProfessionalDetails(page: Page) {
  await expect(heading(page, "Professional's Details")).toBeVisible();
  await page.getByLabel("Your full name").fill("Riley Referrer");
  await page.getByLabel("Your job title or role").fill("Designated Safeguarding Lead");
  await page.getByLabel("Your organisation").fill("Demo Primary School");
  await page.getByLabel("Your work email address").fill("riley@demo-school.example");
  await page.getByLabel("Your telephone number").fill("01384 812 345");
  await page.getByRole("button", { name: "Next", exact: true }).click();
}

async function fillDate(page: Page, group: string, [day, month, year]: [string, string, string]) {
  const date = page.getByRole("group", { name: group }).first();
  await date.getByLabel("Day").fill(day);
  await date.getByLabel("Month").fill(month);
  await date.getByLabel("Year").fill(year);
}

test.describe("a Safeguarding Concern about two children", () => {
  test("is started as a visitor, saved for later, recovered from the emailed link, and sent once", async ({ page, browser }) => {
    test.setTimeout(180_000);
    await startSafeguardingConcern(page, [
      ["Amy", "Smith"],
      ["Ben", "Smith"],
    ]);

    // The overview is readable before signing in; the details sections need an account.
    await expect(heading(page, "Overview")).toBeVisible();
    await expect(page.getByText("This form is about Amy and Ben.")).toBeVisible();
    await page.getByRole("link", { name: "Next" }).click();
    await expect(heading(page, "Login or Register")).toBeVisible();
    await page.getByRole("link", { name: "Register" }).click();
    const account = await registerNewAccount(page, browser, "safeguarding", { isOnRegisterPage: true });
    await expect(heading(page, "Carry on with your form")).toBeVisible();
    await page.getByRole("button", { name: "Carry on" }).click();

    // Back in the same form, with the names typed before registering.
    await fillProfessionalDetails(page);
    await expect(heading(page, "Child / Young Person's Details")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Sections" })).toContainText("Professional's Details");

    // One date of birth for both, then Ben gets a gender of his own.
    await fillDate(page, "Date of birth", ["5", "3", "2019"]);
    await page.getByRole("group", { name: "Gender" }).getByLabel("Female").check();
    await page.getByLabel("Postcode of the child's home").fill("dy1 1aa");
    await page.locator('[data-question="gender"]').getByRole("button", { name: "Ben (give Ben a different answer)" }).click();
    await expect(page.getByRole("group", { name: "Gender (Amy)" }).getByLabel("Female", { exact: true })).toBeChecked();
    await page.getByRole("group", { name: "Gender (Ben)" }).getByLabel("Male", { exact: true }).check();
    await expect(page.getByRole("button", { name: /\+ Include/ })).toHaveCount(1);
    await page.getByRole("button", { name: "Next", exact: true }).click();

    await expect(heading(page, "Consent")).toBeVisible();
    await page.getByLabel("Yes").check();
    await page.getByRole("button", { name: "Next", exact: true }).click();

    await expect(heading(page, "Additional Child / Young Person's Information")).toBeVisible();
    await page.getByLabel("Neglect").first().check();
    await page.getByLabel("Describe your concerns").fill("Both children often arrive hungry and without coats.");
    await page.getByRole("group", { name: "Is the child or young person at risk of significant harm today?" }).getByLabel("No").check();

    // Save for later: a confirmation, and an email whose link opens the form after sign-in.
    const seen = await mailSeenSoFar(browser, account.email);
    await page.getByRole("button", { name: "Save for later" }).click();
    await expect(page.getByRole("heading", { name: "Your form has been saved" })).toBeVisible();
    const email = await nextEmailTo(browser, account.email, seen, "Your form has been saved");
    const link = email.text.match(/https?:\/\/\S+\/drafts\/[0-9a-f-]{36}/)?.[0];
    expect(link, "a link to the saved form in the email").toBeTruthy();

    await page.getByRole("button", { name: "Logout" }).click();
    await expect(heading(page, "You have signed out")).toBeVisible();
    await page.goto(new URL(link!).pathname);
    await expect(heading(page, "Sign in")).toBeVisible();
    await signIn(page, browser, account, { isOnSignInPage: true });
    // It resumes at the first section still to do.
    await expect(heading(page, "Contact Information")).toBeVisible();

    // Recover a form lists it, with its days left.
    await page.goto("/drafts");
    const row = page.getByRole("row").filter({ hasText: "Child/Young Person Safeguarding Concern" });
    await expect(row).toContainText("Amy Smith, Ben Smith");
    await expect(row).toContainText("30");
    await row.getByRole("link", { name: /^Child\/Young Person Safeguarding Concern/ }).click();
    await expect(heading(page, "Contact Information")).toBeVisible();
    await page.getByRole("group", { name: "Is it safe to contact the family?" }).getByLabel("Yes").check();
    await page.getByRole("button", { name: "Next", exact: true }).click();

    // Supporting Documentation: attach two files, remove one.
    await expect(heading(page, "Supporting Documentation")).toBeVisible();
    await page.getByLabel("Upload a file").setInputFiles({ name: "chronology.pdf", mimeType: "application/pdf", buffer: Buffer.from(MINIMAL_PDF) });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByText("chronology.pdf has been uploaded")).toBeVisible();
    await page.getByLabel("Upload a file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("What Amy said at breakfast club.") });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByText("notes.txt has been uploaded")).toBeVisible();
    await page.getByRole("button", { name: "Remove notes.txt" }).click();
    await expect(page.getByText("The file has been removed")).toBeVisible();
    await expect(page.getByRole("list", { name: "Attached documents" })).toContainText("chronology.pdf");
    await expect(page.getByRole("list", { name: "Attached documents" })).not.toContainText("notes.txt");
    await page.getByRole("button", { name: "Check your answers", exact: true }).click();

    // Check your answers shows each child's own answer where they differ.
    await expect(heading(page, "Check your answers")).toBeVisible();
    const gender = page.locator("dl div").filter({ hasText: "Gender" });
    await expect(gender).toContainText("Amy: Female");
    await expect(gender).toContainText("Ben: Male");
    await expect(page.locator("dl div").filter({ hasText: "Date of birth" })).toContainText("5 March 2019");

    // Create PDF gives the same answers, each child's own where they differ.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Create PDF" }).click()]);
    const pdfText = await textOfPdf(await download.path());
    expect(pdfText).toContain("Amy: Female");
    expect(pdfText).toContain("Ben: Male");
    expect(pdfText).toContain("Both children often arrive hungry");
    expect(pdfText).toContain("chronology.pdf");
    expect(pdfText).not.toContain("notes.txt");
    await page.getByRole("link", { name: "Continue" }).click();

    await expect(heading(page, "Declaration & Submit")).toBeVisible();
    await page.getByLabel(/The information I have given is true/).check();
    const sentSeen = await mailSeenSoFar(browser, account.email);
    await page.getByRole("button", { name: "Send to Local Authority" }).click();
    const dialog = page.getByRole("dialog", { name: "Are you sure you want to send this form?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Submit" }).dblclick();

    await expect(heading(page, "Thank you: your form has been sent")).toBeVisible();
    const reference = (await page.locator("strong").filter({ hasText: /^CP-/ }).textContent())!.trim();
    expect(reference).toMatch(/^CP-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const confirmation = await nextEmailTo(browser, account.email, sentSeen, "Confirmation of form submission");
    expect(confirmation.text).toContain(reference);
    // The sent form keeps the remaining file.
    const sentPdf = await page.request.get(`/submitted/${reference}/pdf`);
    expect(sentPdf.headers()["content-type"]).toBe("application/pdf");
    const sentText = await textOfPdfBytes(await sentPdf.body());
    expect(sentText).toContain(reference);
    expect(sentText).toContain("chronology.pdf");

    // The back button leads to the same submission, never a second one; the draft has gone.
    await page.goBack();
    await expect(heading(page, /Thank you|Declaration & Submit/)).toBeVisible();
    await page.goto("/drafts");
    await expect(page.getByText("You have no saved forms.")).toBeVisible();
    await page.goto("/submitted");
    await expect(page.getByRole("row").filter({ hasText: reference })).toContainText("Amy Smith, Ben Smith");
  });

  test("another user opening the first user's draft address gets 404", async ({ page, browser }) => {
    await registerNewAccount(page, browser, "owner");
    await startSafeguardingConcern(page, [["Cal", "Jones"]]);
    await expect(heading(page, "Overview")).toBeVisible();
    const draftUrl = new URL(page.url()).pathname;
    expect(draftUrl).toMatch(/^\/drafts\/[0-9a-f-]{36}\/section\/overview$/);

    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await registerNewAccount(otherPage, browser, "other");
      const response = await otherPage.goto(draftUrl);
      expect(response?.status()).toBe(404);
      await expect(otherPage.getByText("Cal")).toHaveCount(0);
    } finally {
      await other.close();
    }
  });
});

test.describe("the External Early Help Assessment", () => {
  test("shows its SEND Information section only when SEND support is asked for", async ({ page, browser }) => {
    await registerNewAccount(page, browser, "eha");
    await page.goto("/forms/early-help-assessment");
    await page.getByLabel("First name").fill("Dee");
    await page.getByLabel("Last name").fill("Patel");
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    const sections = page.getByRole("navigation", { name: "Sections" });
    await expect(sections).toContainText("Request for Support");
    await expect(sections).not.toContainText("SEND Information");

    await sections.getByRole("button", { name: /Request for Support/ }).click();
    await expect(heading(page, "Request for Support")).toBeVisible();
    await page.getByRole("group", { name: /Which services you would like to refer to/ }).getByLabel(/\(SEND\)/).check();
    // Moving to another section saves the page; the SEND section then appears in the list.
    await sections.getByRole("button", { name: /Consent/ }).click();
    await expect(sections).toContainText("SEND Information");
  });
});

test.describe("the start of a form @core", () => {
  test("works up to the first details section, and per-person answers split, for a visitor who then signs in", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const account = await registerAside(browser);
    await startSafeguardingConcern(page, [
      ["Eve", "Khan"],
      ["Finn", "Khan"],
    ]);
    await expect(heading(page, "Overview")).toBeVisible();
    await page.getByRole("link", { name: "Next" }).click();
    await page.getByRole("link", { name: "Login" }).click();
    await signIn(page, browser, account, { isOnSignInPage: true });
    await page.getByRole("button", { name: "Carry on" }).click();
    await fillProfessionalDetails(page);
    await expect(heading(page, "Child / Young Person's Details")).toBeVisible();

    // Next with nothing typed: messages beside the fields and in the summary.
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Enter the postcode of the child's home|Enter postcode/i })).toBeVisible();

    await page.getByLabel("School or setting").first().fill("Demo Primary");
    await page.locator('[data-question="school"]').getByRole("button", { name: /^Finn/ }).click();
    await expect(page.getByLabel("School or setting (Eve)")).toHaveValue("Demo Primary");
    await expect(page.getByLabel("School or setting (Finn)")).toHaveValue("Demo Primary");
  });
});

test.describe("supporting documents @core", () => {
  test("are uploaded and refused by their content, with or without JavaScript", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await registerNewAccount(page, browser, "uploader");
    await page.goto("/forms/safeguarding-concern");
    await page.getByLabel("First name").fill("Hana");
    await page.getByLabel("Last name").fill("Ito");
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(heading(page, "Overview")).toBeVisible();
    await page.goto(page.url().replace(/overview$/, "supporting-documentation"));
    await expect(heading(page, "Supporting Documentation")).toBeVisible();

    // A program renamed to look like a Word document is refused, naming the file.
    await page.getByLabel("Upload a file").setInputFiles({ name: "letter.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2048, 1)]) });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("link", { name: /letter\.docx/ })).toBeVisible();

    await page.getByLabel("Upload a file").setInputFiles({ name: "body-map.pdf", mimeType: "application/pdf", buffer: Buffer.from(MINIMAL_PDF) });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByText("body-map.pdf has been uploaded")).toBeVisible();
    const download = await page.request.get((await page.getByRole("link", { name: "body-map.pdf" }).getAttribute("href"))!);
    expect(download.headers()["content-disposition"]).toContain("attachment");
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("two tabs on one saved form", () => {
  test("the older tab's save is refused with a message offering to reload, and nothing is overwritten", async ({ page, browser }) => {
    await registerNewAccount(page, browser, "two-tabs");
    await page.goto("/forms/safeguarding-concern");
    await page.getByLabel("First name").fill("Jo");
    await page.getByLabel("Last name").fill("King");
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(heading(page, "Overview")).toBeVisible();
    const contactUrl = page.url().replace(/overview$/, "contact-information");
    const second = await page.context().newPage();
    await page.goto(contactUrl);
    await second.goto(contactUrl);

    await page.getByLabel("Parent or carer's full name").fill("First Tab");
    await page.getByRole("button", { name: "Save for later" }).click();
    await expect(heading(page, "Your form has been saved")).toBeVisible();

    await second.getByLabel("Parent or carer's full name").fill("Second Tab");
    await second.getByRole("button", { name: "Save for later" }).click();
    await expect(second.getByText("This form has been changed in another tab or window")).toBeVisible();
    // What was typed in the older tab is still there to copy.
    await expect(second.getByLabel("Parent or carer's full name")).toHaveValue("Second Tab");
    await second.getByRole("link", { name: "Reload this section" }).click();
    await expect(second.getByLabel("Parent or carer's full name")).toHaveValue("First Tab");
  });
});

test.describe("a file over the size limit", () => {
  test("is refused with a message naming it and the limit, without breaking the upload", async ({ page, browser }) => {
    await registerNewAccount(page, browser, "big-file");
    await page.goto("/forms/lado-referral");
    await page.getByLabel("First name").fill("Ivy");
    await page.getByLabel("Last name").fill("Moss");
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(heading(page, "Overview")).toBeVisible();
    await page.goto(page.url().replace(/overview$/, "supporting-documentation"));
    const big = Buffer.concat([Buffer.from(MINIMAL_PDF), Buffer.alloc(11 * 1024 * 1024, 32)]);
    await page.getByLabel("Upload a file").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: big });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByRole("link", { name: "scan.pdf must be smaller than 10 MB" })).toBeVisible();
    await expect(page.getByText("No documents attached yet.")).toBeVisible();
  });
});

/** An account made in a separate browser context, for a test that signs in rather than registers. */
async function registerAside(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    return await registerNewAccount(await context.newPage(), browser, "visitor");
  } finally {
    await context.close();
  }
}

/** The text of a downloaded PDF, read with a PDF parser. */
async function textOfPdf(path: string): Promise<string> {
  return textOfPdfBytes(await readFile(path));
}

async function textOfPdfBytes(bytes: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join("\n");
}
