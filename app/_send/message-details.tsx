/**
 * One secure message as sent, the same for the family and for the SEND team: from, to, when,
 * its type and subject, then the text (escaped by React, its line breaks kept).
 */
import { SummaryList } from "@/components/summary-list";
import { formatDateTime } from "@/lib/format/dates";
import type { MessageView } from "@/lib/send/messages";

type Props = {
  message: Pick<MessageView, "toName" | "sentAt" | "typeLabel" | "subject" | "body">;
  /** Who sent it, as this reader should see it (the team also sees which side it came from). */
  from: string;
};

export function MessageDetails({ message, from }: Props) {
  return (
    <>
      <SummaryList
        rows={[
          { key: "From", value: from },
          { key: "To", value: message.toName },
          { key: "Date", value: formatDateTime(message.sentAt) },
          { key: "Type", value: message.typeLabel },
          { key: "Subject", value: message.subject },
        ]}
      />
      <h2 className="heading-m mb-3">Message</h2>
      <div className="mb-8 border-l-[5px] border-border pl-4 whitespace-pre-wrap break-words">{message.body}</div>
    </>
  );
}
