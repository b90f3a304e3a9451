/**
 * Uploads as a person meets issue 14's checks (points 6 and 7): a file carrying the EICAR test
 * virus is refused beside the field by the real clamd the launcher started, and a name with
 * accents and a curly apostrophe is kept exactly as typed.
 */
import { expect, type Page } from "@playwright/test";
import { test } from "./fixtures";
import { registerNewAccount } from "./support/register";

const MINIMAL_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/** The EICAR anti-virus test file, put together here so that no file in the repository is one. */
const eicar = () => Buffer.from(["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-", "TEST-FILE!$H+H*"].join(""), "latin1");

async function openSupportingDocuments(page: Page) {
  await page.goto("/forms/safeguarding-concern");
  await page.getByLabel("First name").fill("Noor");
  await page.getByLabel("Last name").fill("Khan");
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.goto(page.url().replace(/overview$/, "supporting-documentation"));
  await expect(page.getByRole("heading", { level: 1, name: "Supporting Documentation" })).toBeVisible();
}

test.describe("uploads are scanned and keep their names", () => {
  test("a file with a virus is refused beside the field; Zoë’s report.pdf keeps its name", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await registerNewAccount(page, browser, "scanned");
    await openSupportingDocuments(page);

    await page.getByLabel("Upload a file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: eicar() });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByLabel("Upload a file")).toHaveAccessibleDescription(/notes\.txt contains a virus/);
    await expect(page.getByText("No documents attached yet.")).toBeVisible();

    await page.getByLabel("Upload a file").setInputFiles({ name: "Zoë’s report.pdf", mimeType: "application/pdf", buffer: Buffer.from(MINIMAL_PDF) });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByText("Zoë’s report.pdf has been uploaded")).toBeVisible();
    const link = page.getByRole("link", { name: "Zoë’s report.pdf" });
    await expect(link).toBeVisible();
    const download = await page.request.get((await link.getAttribute("href"))!);
    expect(download.headers()["content-disposition"]).toContain("filename*=UTF-8''Zo%C3%AB%E2%80%99s%20report.pdf");
  });
});
