import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import { sendDeps } from "@/app/_send/send-deps";
import { familyMessageDraft, MAX_BODY, MAX_SUBJECT, MESSAGE_TYPE_ORDER, MESSAGE_TYPES, replySubject } from "@/lib/send/messages";
import { MessageForm } from "./message-form";
import { keptMessageState } from "./kept-message";

export const metadata: Metadata = { title: "Secure Message" };

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ replyTo?: string; kept?: string }> };

/**
 * "Secure Message" (guide 004): a new message to the SEND team, or with ?replyTo=<id> a reply
 * to a message on this case ("Re: <subject>", the same type). Any child the user has no active
 * access to is a 404; a replyTo that is not a message on this case is ignored. With `kept`
 * (signing in again after a post that came when the session had ended), what was typed then.
 */
export default async function NewSendMessagePage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const { replyTo, kept } = await searchParams;
  const user = await requireUser(`/send/${caseId}/messages/new`);
  const draft = await familyMessageDraft(sendDeps().db, { userId: user.userId }, caseId, replyTo ?? null);
  if (draft.status !== "found") notFound();
  const reply = draft.replyTo;
  const keptState = kept ? await keptMessageState(user.userId, caseId, kept) : null;
  return (
    <MessageForm
      caseId={caseId}
      childName={draft.childName}
      types={MESSAGE_TYPE_ORDER.map((value) => ({ value, text: MESSAGE_TYPES[value] }))}
      replyToId={reply?.id ?? null}
      defaults={{ type: reply?.type ?? "", subject: reply ? replySubject(reply.subject) : "" }}
      cancelHref={reply ? `/send/${caseId}/messages/${reply.id}` : `/send/${caseId}/messages`}
      maxSubject={MAX_SUBJECT}
      maxBody={MAX_BODY}
      kept={keptState}
    />
  );
}
