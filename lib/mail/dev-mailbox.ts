/**
 * The embedded SMTP server's mailbox: one .eml file per message, named so that names sort by
 * arrival. Read by /dev/mailbox and by end-to-end tests that need a sign-in code.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { UUID_PATTERN } from "@/lib/security/uuid";

export type MailboxEntry = { id: string; to: string; from: string; subject: string; receivedAt: Date };
export type MailboxMessage = MailboxEntry & { html: string | null; text: string };

// The arrival time in milliseconds (15 digits), then the uuid lib/runtime/embedded-smtp.ts names it by.
const ID_PATTERN = new RegExp(`^\\d{15}-${UUID_PATTERN}$`);

export function isMailboxId(id: string): boolean {
  return ID_PATTERN.test(id);
}

async function parse(dir: string, id: string): Promise<MailboxMessage> {
  const parsed = await simpleParser(await readFile(path.join(dir, `${id}.eml`)));
  const addressText = (value: typeof parsed.to) => (Array.isArray(value) ? value.map((v) => v.text).join(", ") : (value?.text ?? ""));
  return {
    id,
    to: addressText(parsed.to),
    from: parsed.from?.text ?? "",
    subject: parsed.subject ?? "(no subject)",
    receivedAt: new Date(Number(id.slice(0, 15))),
    html: parsed.html || null,
    text: parsed.text ?? "",
  };
}

/** Newest first. */
export async function listMailbox(dir: string, limit = 100): Promise<MailboxEntry[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const ids = names
    .filter((name) => name.endsWith(".eml"))
    .map((name) => name.slice(0, -4))
    .filter(isMailboxId)
    .sort()
    .reverse()
    .slice(0, limit);
  const messages = await Promise.all(ids.map((id) => parse(dir, id)));
  return messages.map(({ id, to, from, subject, receivedAt }) => ({ id, to, from, subject, receivedAt }));
}

export async function readMailboxMessage(dir: string, id: string): Promise<MailboxMessage | null> {
  if (!isMailboxId(id)) return null;
  return parse(dir, id).catch(() => null);
}
