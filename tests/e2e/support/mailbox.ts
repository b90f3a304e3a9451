/**
 * Reading the captured mail as a person would: open /dev/mailbox, find the newest email to an
 * address, open it and read the code. `expect.poll` waits for the worker to deliver it.
 */
import { expect, type Browser, type Page } from "@playwright/test";

type MailboxEntry = { href: string; subject: string };

async function newestTo(page: Page, address: string): Promise<MailboxEntry | undefined> {
  await page.goto("/dev/mailbox");
  const row = page.getByRole("row").filter({ hasText: address }).first();
  if ((await row.count()) === 0) return undefined;
  const link = row.getByRole("link");
  return { href: (await link.getAttribute("href")) ?? "", subject: (await link.textContent()) ?? "" };
}

/** Waits for a new email (one not in `seen`) to the address, and returns its plain text. */
export async function nextEmailTo(browser: Browser, address: string, seen: Set<string>, subject?: string): Promise<{ subject: string; text: string }> {
  // A separate context, so reading mail does not disturb the page under test (or its JavaScript setting).
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  try {
    let found: MailboxEntry | undefined;
    await expect
      .poll(async () => {
        found = await newestTo(page, address);
        return found && !seen.has(found.href) && (!subject || found.subject === subject);
      }, { timeout: 30_000, message: `an email to ${address}${subject ? ` "${subject}"` : ""}` })
      .toBe(true);
    seen.add(found!.href);
    await page.goto(found!.href);
    return { subject: found!.subject, text: (await page.locator("pre").textContent()) ?? "" };
  } finally {
    await context.close();
  }
}

export function codeIn(text: string): string {
  const code = text.match(/\b(\d{8})\b/)?.[1];
  if (!code) throw new Error("no 8-digit code in the email");
  return code;
}

/** Marks every email already in the mailbox for this address as seen. */
export async function mailSeenSoFar(browser: Browser, address: string): Promise<Set<string>> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  try {
    await page.goto("/dev/mailbox");
    const hrefs = await page.getByRole("row").filter({ hasText: address }).getByRole("link").evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
    return new Set(hrefs);
  } finally {
    await context.close();
  }
}
