import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { appSettings } from "@/lib/config/env";
import { readMailboxMessage } from "@/lib/mail/dev-mailbox";
import { formatDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Email" };
export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const dir = appSettings().DEV_MAILBOX_DIR;
  if (!dir) notFound();
  const message = await readMailboxMessage(dir, (await params).id);
  if (!message) notFound();
  return (
    <>
      <Link className="mb-6 inline-block text-[#1d70b8] underline" href="/dev/mailbox">
        Back to the mailbox
      </Link>
      <h1 className="mb-4 text-3xl font-bold break-words">{message.subject}</h1>
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-bold">From</dt>
        <dd className="break-all">{message.from}</dd>
        <dt className="font-bold">To</dt>
        <dd className="break-all">{message.to}</dd>
        <dt className="font-bold">Received</dt>
        <dd>{formatDateTime(message.receivedAt, "short")}</dd>
      </dl>
      {message.html && (
        <p className="mb-4">
          <a className="text-[#1d70b8] underline" href={`/dev/mailbox/${message.id}/html`}>
            View the HTML version
          </a>
        </p>
      )}
      <h2 className="mb-2 text-xl font-bold">Plain text version</h2>
      <pre className="border border-gray-400 bg-gray-50 p-4 whitespace-pre-wrap break-words">{message.text}</pre>
    </>
  );
}
