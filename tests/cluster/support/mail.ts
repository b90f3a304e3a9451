/**
 * The cluster's mail, as the standalone SMTP server received it: one .eml file per message in
 * CLUSTER_MAILBOX_DIR (the embedded SMTP server, started by the global setup outside the
 * instances). There is no /dev/mailbox in production, so the tests read the files, as a person
 * reads their inbox: wait for a new message to an address, take the code or link from it.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser } from "mailparser";

export type ReceivedEmail = { file: string; messageId: string; to: string; subject: string; text: string };

const mailboxDir = () => process.env.CLUSTER_MAILBOX_DIR!;

export async function receivedEmails(): Promise<ReceivedEmail[]> {
  const files = (await readdir(mailboxDir())).filter((name) => name.endsWith(".eml")).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(await readFile(path.join(mailboxDir(), file)));
      const to = Array.isArray(parsed.to) ? parsed.to.map((address) => address.text).join(", ") : (parsed.to?.text ?? "");
      return { file, messageId: parsed.messageId ?? "", to, subject: parsed.subject ?? "", text: parsed.text ?? "" };
    }),
  );
}

/** The files of every message to the address so far: what `nextEmailTo` is to look past. */
export async function mailSeenSoFar(address: string): Promise<Set<string>> {
  return new Set((await receivedEmails()).filter((email) => email.to.includes(address)).map((email) => email.file));
}

/** Waits for a message to the address with this subject that is not in `seen`. */
export async function nextEmailTo(address: string, seen: Set<string>, subject: string): Promise<ReceivedEmail> {
  let found: ReceivedEmail | undefined;
  await expect
    .poll(async () => {
      found = (await receivedEmails()).find((email) => email.to.includes(address) && email.subject === subject && !seen.has(email.file));
      return Boolean(found);
    }, { timeout: 30_000, message: `an email to ${address} "${subject}"` })
    .toBe(true);
  seen.add(found!.file);
  return found!;
}

export function codeIn(text: string): string {
  const code = text.match(/\b(\d{8})\b/)?.[1];
  if (!code) throw new Error("no 8-digit code in the email");
  return code;
}
