import type { Metadata } from "next";
import Link from "next/link";
import { MessageDetails } from "@/app/_send/message-details";
import { MESSAGE_TYPE_ORDER, MESSAGE_TYPES, readTeamMessage, replySubject } from "@/lib/send/messages";
import { TeamMessageErrorSummary, TeamMessageForm, TeamMessageProvider } from "../message-forms";
import { RECIPIENT_HINT, recipientRadios } from "../recipient-choices";
import { readForStaff } from "../../read-for-staff";

export const metadata: Metadata = { title: "SEND secure message" };

type Props = { params: Promise<{ caseId: string; messageId: string }> };

/**
 * One message on a case for its caseworkers, as sent (from and to whom), with a Reply form that
 * goes to the person replied to unless the caseworker chooses otherwise; opening it marks it
 * read by the team.
 */
export default async function SendCaseMessagePage({ params }: Props) {
  const { caseId, messageId } = await params;
  const result = await readForStaff(`/staff/send/${caseId}/messages/${messageId}`, (deps, staff) => readTeamMessage(deps, staff, caseId, messageId));
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
        <MessageDetails message={message} from={`${message.fromName} (${message.fromFamily ? "family" : "SEND team"})`} />
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
