import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { appSettings } from "@/lib/config/env";
import { listMailbox } from "@/lib/mail/dev-mailbox";
import { formatDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Mailbox" };
export const dynamic = "force-dynamic";

/** Every email the embedded SMTP server received, newest first. Only exists in embedded mode. */
export default async function MailboxPage() {
  const dir = appSettings().DEV_MAILBOX_DIR;
  if (!dir) notFound();
  const messages = await listMailbox(dir);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Mailbox</h1>
      <p className="mb-6">
        Emails the portal has sent while running on this machine, newest first. Sign-in codes arrive here.
      </p>
      {messages.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Emails received</caption>
          <thead>
            <tr className="border-b border-gray-400">
              <th scope="col" className="py-2 pr-4">Received</th>
              <th scope="col" className="py-2 pr-4">To</th>
              <th scope="col" className="py-2">Subject</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">{formatDateTime(message.receivedAt, "short")}</td>
                <td className="py-2 pr-4 break-all">{message.to}</td>
                <td className="py-2">
                  <Link className="text-[#1d70b8] underline" href={`/dev/mailbox/${message.id}`}>
                    {message.subject}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
