import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/app/_auth/current-user";
import { clientAddress } from "@/app/_security/client-address";
import { MessageDetails } from "@/app/_send/message-details";
import { sendDeps } from "@/app/_send/send-deps";
import { Button } from "@/components/button";
import { readFamilyMessage } from "@/lib/send/messages";

type Props = { params: Promise<{ caseId: string; messageId: string }> };

/** One read per request (it marks the message read), only through the family's active access. */
const messageFor = cache(async (caseId: string, messageId: string) => {
  const user = await requireUser(`/send/${caseId}/messages/${messageId}`);
  const result = await readFamilyMessage(sendDeps(), { userId: user.userId, ip: await clientAddress() }, caseId, messageId);
  if (result.status !== "found") notFound();
  return result;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId, messageId } = await params;
  return { title: `Secure message - ${(await messageFor(caseId, messageId)).childName}'s Messages` };
}

/**
 * One secure message (either way), as sent: who it is from and to, when, its type and subject,
 * and the text (shown escaped, keeping its line breaks), with Reply. Opening it marks it read
 * for this family member. Any child the user has no active access to, or a message that is not
 * on this child's case, is a 404.
 */
export default async function SendMessagePage({ params }: Props) {
  const { caseId, messageId } = await params;
  const { childName, message } = await messageFor(caseId, messageId);
  return (
    <div className="max-w-[40em]">
      <nav aria-label="Back" className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        <Link href={`/send/${caseId}/messages`}>Back to messages</Link>
        <Link href={`/send/${caseId}`}>Back to Dashboard</Link>
      </nav>
      <span className="body-l mb-1 block text-secondary-ink">{childName}&apos;s Messages</span>
      <h1 className="heading-xl mb-6 break-words">{message.subject}</h1>
      <MessageDetails message={message} from={message.fromName} />
      <Button href={`/send/${caseId}/messages/new?replyTo=${message.id}`}>Reply</Button>
    </div>
  );
}
