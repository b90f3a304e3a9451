import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/app/_auth/current-user";
import { sendDeps } from "@/app/_send/send-deps";
import { Button } from "@/components/button";
import { NotificationBanner } from "@/components/notification-banner";
import { Table } from "@/components/table";
import { Tag } from "@/components/tag";
import { formatDateTime } from "@/lib/format/dates";
import { listFamilyInbox, listFamilySent, type FamilyMessagePage } from "@/lib/send/messages";

type Params = { caseId: string };
type Search = { inboxPage?: string; sentPage?: string; sent?: string };
type Props = { params: Promise<Params>; searchParams: Promise<Search> };

const PAGE_SIZE = 10;

const pageNumber = (value: string | undefined) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : 1;
};

/** Both lists, read once per request (title and page), only through the family's active access. */
const messagesFor = cache(async (caseId: string, inboxPage: number, sentPage: number): Promise<{ inbox: FamilyMessagePage; sent: FamilyMessagePage }> => {
  const user = await requireUser(`/send/${caseId}/messages`);
  const { db } = sendDeps();
  const family = { userId: user.userId };
  const [inbox, sent] = await Promise.all([listFamilyInbox(db, family, caseId, { page: inboxPage, pageSize: PAGE_SIZE }), listFamilySent(db, family, caseId, { page: sentPage, pageSize: PAGE_SIZE })]);
  if (inbox.status !== "found" || sent.status !== "found") notFound();
  return { inbox, sent };
});

async function load({ params, searchParams }: Props) {
  const { caseId } = await params;
  const search = await searchParams;
  const inboxPage = pageNumber(search.inboxPage);
  const sentPage = pageNumber(search.sentPage);
  return { caseId, search, inboxPage, sentPage, ...(await messagesFor(caseId, inboxPage, sentPage)) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { inbox } = await load(props);
  return { title: `${inbox.childName}'s Messages` };
}

/** This page's address with one list's page changed (the other list stays where it was). */
function pageHref(caseId: string, pages: { inboxPage: number; sentPage: number }): string {
  const query = new URLSearchParams();
  if (pages.inboxPage > 1) query.set("inboxPage", String(pages.inboxPage));
  if (pages.sentPage > 1) query.set("sentPage", String(pages.sentPage));
  const text = query.toString();
  return `/send/${caseId}/messages${text ? `?${text}` : ""}`;
}

function Pager({ label, list, href }: { label: string; list: FamilyMessagePage; href: (page: number) => string }) {
  if (list.pageCount <= 1) return null;
  return (
    <nav aria-label={`${label} pages`} className="mb-8 flex flex-wrap items-center gap-x-6 gap-y-2">
      {list.page > 1 && (
        <Link href={href(list.page - 1)}>
          Previous<span className="sr-only"> page of {label}</span>
        </Link>
      )}
      <span>
        Page {list.page} of {list.pageCount}
      </span>
      {list.page < list.pageCount && (
        <Link href={href(list.page + 1)}>
          Next<span className="sr-only"> page of {label}</span>
        </Link>
      )}
    </nav>
  );
}

function MessageTable({ caseId, caption, list, empty, showUnread }: { caseId: string; caption: string; list: FamilyMessagePage; empty: string; showUnread: boolean }) {
  return (
    // Five columns do not fit a phone: the table scrolls sideways inside its own region, which
    // takes focus so it can be scrolled from the keyboard.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <div role="region" aria-label={`${caption} table`} tabIndex={0} className="overflow-x-auto">
      <Table
        caption={
          <>
            {caption}
            <span className="body-m block font-normal text-secondary-ink">
              {list.total === 0 ? empty : `${list.total} ${list.total === 1 ? "message" : "messages"}, newest first`}
            </span>
          </>
        }
        captionSize="m"
        head={[{ text: "Date" }, { text: "Type" }, { text: "From" }, { text: "To" }, { text: "Subject" }]}
        rows={list.items.map((item) => [
          <span key="date" className="whitespace-nowrap">
            {formatDateTime(item.sentAt, "short")}
          </span>,
          item.typeLabel,
          item.fromName,
          item.toName,
          <span key="subject" className={showUnread && item.unread ? "font-bold" : undefined}>
            {showUnread && item.unread && (
              <>
                <Tag colour="blue">
                  New<span className="sr-only"> (unread)</span>
                </Tag>{" "}
              </>
            )}
            {/* Opening a message marks it read, so it is never prefetched. */}
            <Link href={`/send/${caseId}/messages/${item.id}`} prefetch={false}>
              {item.subject}
            </Link>
          </span>,
        ])}
      />
    </div>
  );
}

/**
 * "<child>'s Messages" (guide 004): New Message and Refresh, the Inbox (the SEND team's messages
 * to this family member or to everyone with access, unread ones marked New) and Sent Items (what
 * this family member sent, not another's), newest first, ten to a page. Any child the user has no active access to is a 404.
 */
export default async function SendMessagesPage(props: Props) {
  const { caseId, search, inboxPage, sentPage, inbox, sent } = await load(props);
  const child = inbox.childName;
  return (
    <div>
      {search.sent === "1" && <NotificationBanner type="success" heading="Your message has been sent" />}
      <p className="mb-4">
        <Link href={`/send/${caseId}`}>Back to Dashboard</Link>
      </p>
      <span className="body-l mb-1 block break-words text-secondary-ink">SEND Dashboard - {child}</span>
      <h1 className="heading-xl mb-6 break-words">{child}&apos;s Messages</h1>
      <p className="mb-6 max-w-[40em]">
        Send a secure message to the SEND team about {child}, and read their messages to you. What you send, and the team&apos;s messages to you, are seen only by you and
        the SEND team.
      </p>
      <div className="flex flex-wrap gap-x-4">
        <Button href={`/send/${caseId}/messages/new`}>New Message</Button>
        <Button href={pageHref(caseId, { inboxPage, sentPage })} variant="secondary">
          Refresh
        </Button>
      </div>

      <MessageTable caseId={caseId} caption={`${child}'s Inbox`} list={inbox} empty="No messages from the SEND team yet" showUnread />
      <Pager label={`${child}'s Inbox`} list={inbox} href={(page) => pageHref(caseId, { inboxPage: page, sentPage })} />

      <MessageTable caseId={caseId} caption={`${child}'s Sent Items`} list={sent} empty="No messages sent yet" showUnread={false} />
      <Pager label={`${child}'s Sent Items`} list={sent} href={(page) => pageHref(caseId, { inboxPage, sentPage: page })} />
    </div>
  );
}
