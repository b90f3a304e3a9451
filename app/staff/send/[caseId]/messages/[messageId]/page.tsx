import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { clientAddress } from "@/app/_security/client-address";
import { sendDeps } from "@/app/_send/send-deps";
import { SummaryList } from "@/components/summary-list";
import { formatDateTime } from "@/lib/format/dates";
import { MESSAGE_TYPE_ORDER, MESSAGE_TYPES, readTeamMessage, replySubject } from "@/lib/send/messages";
import { TeamMessageErrorSummary, TeamMessageForm, TeamMessageProvider } from "../message-forms";
import { RECIPIENT_HINT, recipientRadios } from "../recipient-choices";

export const metadata: Metadata = { title: "SEND secure message" };

type Props = { params: Promise<{ caseId: string; messageId: string }> };

/**
 * One message on a case for its caseworkers, as sent (from and to whom), with a Reply form that
 * goes to the person replied to unless the caseworker chooses otherwise; opening it marks it
 * read by the team.
 */
export default async function SendCaseMessagePage({ params }: Props) {
  const { caseId, messageId } = await params;
  const user = await requireStaff(`/staff/send/${caseId}/messages/${messageId}`);
  const result = await readTeamMessage(sendDeps(), { userId: user.userId, role: user.role, ip: await clientAddress() }, caseId, messageId);
  if (result.status === "not-found") notFound();
  if (result.status === "forbidden") redirect("/account/not-allowed");
  const { case: view, message, recipients } = result;
  return (
    <TeamMessageProvider>
      <TeamMessageErrorSummary />
      <nav aria-label="SEND" className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        <Link href={`/staff/send/${view.id}/messages`}>Back to messages</Link>
        <Link href={`/staff/send/${view.id}`}>Back to case</Link>
      </nav>
      <span className="body-l mb-1 block text-secondary-ink">
        Messages – {view.childName} ({view.number})
      </span>
      <h1 className="heading-l mb-6 break-words">{message.subject}</h1>
      <div className="max-w-[40em]">
        <SummaryList
          rows={[
            { key: "From", value: `${message.fromName} (${message.fromFamily ? "family" : "SEND team"})` },
            { key: "To", value: message.toName },
            { key: "Date", value: formatDateTime(message.sentAt) },
            { key: "Type", value: message.typeLabel },
            { key: "Subject", value: message.subject },
          ]}
        />
        <h2 className="heading-m mb-3">Message</h2>
        <div className="mb-8 border-l-[5px] border-border pl-4 whitespace-pre-wrap break-words">{message.body}</div>
      </div>
      <section aria-labelledby="reply-heading">
        <h2 id="reply-heading" className="heading-m mb-4">
          Reply
        </h2>
        <TeamMessageForm
          caseId={view.id}
          replyToId={message.id}
          types={MESSAGE_TYPE_ORDER.map((value) => ({ value, text: MESSAGE_TYPES[value] }))}
          recipients={recipientRadios(recipients)}
          defaults={{ type: message.type, subject: replySubject(message.subject) }}
          submitLabel="Send reply"
          hint={RECIPIENT_HINT}
        />
      </section>
    </TeamMessageProvider>
  );
}
