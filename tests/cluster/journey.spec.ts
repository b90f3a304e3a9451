/**
 * One referral's journey through two production instances behind nginx (round robin: each
 * request may land on either). A referrer registers, fills a Safeguarding Concern, uploads a
 * file, makes a PDF and sends the form from two tabs at once; a caseworker made with
 * `npm run staff:create` signs in and reads it. Then one instance is stopped (SIGTERM) while the
 * caseworker is between pages, and the journey finishes on the other: the response is posted,
 * emailed and read. At the end every email was sent exactly once, and nginx's log shows both
 * instances served requests. Axe checks every page as it loads (../e2e/fixtures.ts).
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { test } from "../e2e/fixtures";
import { fillSafeguardingConcern } from "../e2e/support/safeguarding-concern";
import { readClusterInfo } from "./support/cluster";
import { codeIn, mailSeenSoFar, nextEmailTo, receivedEmails } from "./support/mail";
import { requestsPerUpstream } from "./support/nginx";

/** The smallest file a PDF reader (and the upload check) takes for a PDF. */
const MINIMAL_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
/** What a client writes into X-Forwarded-For to pass for someone else; nginx appends the real address. */
const SPOOFED_ADDRESS = "203.0.113.66";

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

/** A caseworker of Front Door / MASH, made as a council would make one: `npm run staff:create`. */
async function createCaseworker(databaseUrl: string): Promise<{ email: string; password: string }> {
  const email = `caseworker.${Date.now()}@council.example`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "lib/runtime/staff-create.ts", "--email", email, "--role", "caseworker", "--team", "social-care", "--forename", "Casey", "--surname", "Worker"], {
    cwd: path.resolve(__dirname, "../.."),
    env: { PATH: process.env.PATH ?? "", DATABASE_URL: databaseUrl, NODE_ENV: "production" },
  });
  const password = stdout.split("\n").find((line) => line.startsWith("  "))?.trim() ?? "";
  expect(password, "the generated password staff:create prints").not.toBe("");
  return { email, password };
}

async function register(page: Page): Promise<{ email: string; password: string }> {
  const account = { email: `referrer.${Date.now()}@example.org`, password: "Harbour-lamp-2026-Kite" };
  await page.goto("/account/register");
  await page.getByLabel("Forename").fill("Robin");
  await page.getByLabel("Surname").fill("Tester");
  await page.getByLabel("Street").fill("4 Mill Lane");
  await page.getByLabel("Postcode").fill("DY2 2BB");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel(/^Password/).fill(account.password);
  await page.getByLabel("Confirm password").fill(account.password);
  await page.getByRole("button", { name: "Continue" }).click();
  const mail = await nextEmailTo(account.email, new Set(), "Please verify your email address");
  await page.getByLabel("Code").fill(codeIn(mail.text));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("I agree to these Terms and Conditions").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Robin Tester");
  return account;
}

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  const seen = await mailSeenSoFar(account.email);
  await page.goto("/account/sign-in");
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(heading(page, "Check your email")).toBeVisible();
  const email = await nextEmailTo(account.email, seen, "Your sign-in code");
  await page.getByLabel("Code").fill(codeIn(email.text));
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).not.toHaveURL(/\/account\/sign-in/);
}


/** Waits until the process has gone (the launcher exits once its web server and worker have stopped). */
async function waitForExit(pid: number): Promise<void> {
  await expect
    .poll(() => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    }, { timeout: 20_000, message: `instance (pid ${pid}) to stop` })
    .toBe(true);
}

async function staffPage(browser: Browser): Promise<Page> {
  // A client that claims another address: nginx appends the real one, and the portal believes only that.
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": SPOOFED_ADDRESS } });
  return context.newPage();
}

test("a referral sent and answered across two instances, one stopped on the way, emails each person once", async ({ page, browser }) => {
  const cluster = readClusterInfo();
  const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const caseworker = await createCaseworker(cluster.databaseUrl);
    const referrer = await register(page);

    // The form, page after page, each request landing on either instance.
    await fillSafeguardingConcern(page, ["Kai", "Lee"]);
    await page.getByLabel("Upload a file").setInputFiles({ name: "chronology.pdf", mimeType: "application/pdf", buffer: Buffer.from(MINIMAL_PDF) });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByText("chronology.pdf has been uploaded")).toBeVisible();
    await page.getByRole("button", { name: "Check your answers", exact: true }).click();
    await expect(heading(page, "Check your answers")).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Create PDF" }).click()]);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe("%PDF-");
    await page.getByRole("link", { name: "Continue" }).click();
    await expect(heading(page, "Declaration & Submit")).toBeVisible();

    // Sent twice at once, as a browser without JavaScript sends a double-clicked form: the two
    // posts go to both instances, both lead to the same Thank You page, and there is one submission.
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const confirm = await noScript.newPage();
    await confirm.goto(page.url());
    await confirm.getByLabel(/The information I have given is true/).check();
    await confirm.getByRole("button", { name: "Send to Local Authority" }).click();
    await expect(heading(confirm, "Are you sure you want to send this form?")).toBeVisible();
    const hidden = confirm.locator("form").filter({ has: confirm.getByRole("button", { name: "Submit" }) }).locator('input[type="hidden"]');
    const fields: Record<string, string> = {};
    for (const input of await hidden.all()) fields[(await input.getAttribute("name"))!] = (await input.getAttribute("value")) ?? "";
    const send = () => noScript.request.post(confirm.url(), { multipart: fields, headers: { Origin: cluster.appUrl, Accept: "text/html" }, maxRedirects: 0 });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((answer) => answer.status())).toEqual([303, 303]);
    const [thankYou, again] = answers.map((answer) => answer.headers()["location"]);
    expect(thankYou).toMatch(/\/submitted\/CP-[A-Z2-9-]+\/thank-you$/);
    expect(again).toBe(thankYou);
    await noScript.close();
    await page.goto(thankYou!);
    await expect(heading(page, "Thank you: your form has been sent")).toBeVisible();
    const reference = (await page.locator("strong").filter({ hasText: /^CP-/ }).textContent())!.trim();
    expect(await sql`select reference from submissions`).toEqual([{ reference }]);
    await nextEmailTo(referrer.email, new Set(), "Confirmation of form submission");

    // The caseworker's first sign-in: a password of their own, then the referral and its file.
    const staff = await staffPage(browser);
    await signIn(staff, caseworker);
    await expect(staff).toHaveURL(/\/account\/change-password$/);
    await staff.getByLabel("Current password").fill(caseworker.password);
    await staff.getByLabel(/^New password/).fill("granite beacon thistle");
    await staff.getByLabel("Confirm new password").fill("granite beacon thistle");
    await staff.getByRole("button", { name: "Change password" }).click();
    await expect(staff.getByText("Your password has been changed")).toBeVisible();
    await staff.goto(`/staff?search=${reference}`);
    await staff.getByRole("link", { name: reference }).click();
    await expect(heading(staff, reference)).toBeVisible();
    await expect(staff.getByText("Often arrives hungry.")).toBeVisible();
    const [file] = await Promise.all([staff.waitForEvent("download"), staff.getByRole("link", { name: "chronology.pdf" }).click()]);
    expect(await readFile((await file.path())!, "utf8"), "the uploaded file, byte for byte").toBe(MINIMAL_PDF);

    // The portal took the client's address from nginx's X-Forwarded-For entry, not the client's own claim nor nginx's.
    const views = await sql`select ip from audit_events where event = 'referral-viewed'`;
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) expect(view.ip).toBe("127.0.0.1");

    // Instance 1 stops while the caseworker reads the page; the rest of the journey is instance 2's.
    const stopped = cluster.instances[0]!;
    const logBeforeStop = (await readFile(cluster.accessLog, "utf8")).length;
    process.kill(stopped.pid, "SIGTERM");
    await waitForExit(stopped.pid);
    const seen = await mailSeenSoFar(referrer.email);
    await staff.getByLabel("Post a response").fill("We will contact the family this week.");
    await staff.getByRole("button", { name: "Post response" }).click();
    await expect(staff.getByText("Your response has been posted")).toBeVisible();
    await nextEmailTo(referrer.email, seen, "A response has been posted");
    await page.goto("/submitted");
    await expect(page.getByRole("row").filter({ hasText: reference })).toContainText("We will contact the family this week.");
    await staff.context().close();

    // Every email was sent exactly once: each outbox row delivered, and received once.
    await expect.poll(async () => (await sql`select count(*)::int as n from mail_outbox where status <> 'sent'`)[0]!.n, { message: "every email delivered" }).toBe(0);
    const outbox = (await sql`select id from mail_outbox`).map((row) => `<${row.id}@childrens-portal>`).sort();
    const received = (await receivedEmails()).map((email) => email.messageId).sort();
    expect(received).toEqual(outbox);
    expect((await receivedEmails()).filter((email) => email.subject === "Confirmation of form submission")).toHaveLength(1);

    // Both instances served requests, and after the stop only instance 2 did.
    const accessLog = await readFile(cluster.accessLog, "utf8");
    const counts = requestsPerUpstream(accessLog);
    const served = cluster.instances.map((instance) => counts.get(`127.0.0.1:${instance.port}`) ?? 0);
    process.stdout.write(`requests served through nginx: ${cluster.instances.map((instance, index) => `${instance.name} ${served[index]}`).join(", ")}\n`);
    for (const count of served) expect(count).toBeGreaterThan(0);
    const afterStop = requestsPerUpstream(accessLog.slice(logBeforeStop));
    expect(afterStop.get(`127.0.0.1:${stopped.port}`) ?? 0, "requests served by the stopped instance").toBe(0);
    expect(afterStop.get(`127.0.0.1:${cluster.instances[1]!.port}`) ?? 0).toBeGreaterThan(0);
  } finally {
    await sql.end();
  }
});
