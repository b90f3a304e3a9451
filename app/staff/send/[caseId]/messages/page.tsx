import type { Metadata } from "next";
import Link from "next/link";
import { NotificationBanner } from "@/components/notification-banner";
import { Table } from "@/components/table";
import { Tag } from "@/components/tag";
import { formatDateTime } from "@/lib/format/dates";
import { listCaseMessages, MESSAGE_TYPE_ORDER, MESSAGE_TYPES, type StaffMessageRow } from "@/lib/send/messages";
import { TeamMessageErrorSummary, TeamMessageForm, TeamMessageProvider } from "./message-forms";
import { RECIPIENT_HINT, recipientRadios } from "./recipient-choices";
import { readForStaff } from "../read-for-staff";

export const metadata: Metadata = { title: "SEND case messages" };

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ sent?: string }> };

/** Whether a message has been read, in words: by the team for the family's, by the family for the team's. */
function readStatus(message: StaffMessageRow) {
  if (message.fromFamily) {
    return message.unreadByTeam ? (
      <Tag key="read" colour="blue">
        Unread
      </Tag>
    ) : (
      "Read"
    );
  }
  return message.readByFamily ? "Read by family" : "Not yet read by family";
}

/**
 * A case's secure messages for its caseworkers: the whole conversation (every family member's),
 * newest first, each with who it is from and to, the family's messages no one in the team has
 * opened marked Unread, and a form for a new message to one family member or to everyone. Opening a message marks it read by the team.
 */
export default async function SendCaseMessagesPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const result = await readForStaff(`/staff/send/${caseId}/messages`, (deps, staff) => listCaseMessages(deps, staff, caseId));
  const { case: view, messages, recipients } = result;
  const sent = (await searchParams).sent === "1";
  const unread = messages.filter((message) => message.unreadByTeam).length;
  return (
    // Remounted when a message is added, so a message from an earlier post never outlives it.
    <TeamMessageProvider key={messages.length}>
      <TeamMessageErrorSummary />
      {sent && (
        <NotificationBanner type="success" heading="Your message has been sent">
          <p>The people it is to have been emailed that a message is waiting. The email does not include the subject or the text.</p>
        </NotificationBanner>
      )}
      <nav aria-label="SEND" className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        <Link href={`/staff/send/${view.id}`}>Back to case</Link>
        <Link href="/staff/send/messages">Cases with unread messages</Link>
      </nav>
      <h1 className="heading-l mb-6">
        Messages – {view.childName} ({view.number})
      </h1>
      <p className="mb-6">
        {messages.length === 0
          ? "No messages on this case yet."
          : `${messages.length} ${messages.length === 1 ? "message" : "messages"}; ${unread === 0 ? "none" : unread} unread from the family.`}
      </p>
      {messages.length > 0 && (
        // Six columns do not fit a phone: the table scrolls sideways inside its own region,
        // which takes focus so it can be scrolled from the keyboard.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        <div role="region" aria-label="Conversation table" tabIndex={0} className="overflow-x-auto">
          <Table
            caption="Conversation, newest first"
            captionSize="m"
            head={[{ text: "Date" }, { text: "From" }, { text: "To" }, { text: "Type" }, { text: "Subject" }, { text: "Read" }]}
            rows={messages.map((message) => [
              <span key="date" className="whitespace-nowrap">
                {formatDateTime(message.sentAt, "short")}
              </span>,
              <span key="from">
                {message.fromName}
                <span className="block text-secondary-ink">{message.fromFamily ? "Family" : "SEND team"}</span>
              </span>,
              message.toName,
              message.typeLabel,
              <Link key="subject" href={`/staff/send/${view.id}/messages/${message.id}`} prefetch={false} className={message.unreadByTeam ? "font-bold" : undefined}>
                {message.subject}
              </Link>,
              readStatus(message),
            ])}
          />
        </div>
      )}

      <section aria-labelledby="new-message-heading">
        <h2 id="new-message-heading" className="heading-m mb-4">
          New Message
        </h2>
        <TeamMessageForm
          caseId={view.id}
          types={MESSAGE_TYPE_ORDER.map((value) => ({ value, text: MESSAGE_TYPES[value] }))}
          recipients={recipientRadios(recipients)}
          submitLabel="Send message"
          hint={RECIPIENT_HINT}
        />
      </section>
    </TeamMessageProvider>
  );
}
