import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/app/_auth/current-user";
import { Button } from "@/components/button";
import { Select } from "@/components/select";
import { ReferralTable } from "@/app/staff/_components/referral-table";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { TextInput } from "@/components/text-input";
import { getDb } from "@/db/client";
import { allForms } from "@/lib/forms/catalogue";
import { NotificationBanner } from "@/components/notification-banner";
import { browseInbox, INBOX_TABS, isInboxTab, type InboxTab } from "@/lib/referrals";
import { clientAddress } from "@/app/_security/client-address";
import { now } from "@/lib/clock";
import { myTeams } from "@/lib/staff/memberships";
import { listTeams, teamNamer } from "@/lib/staff/teams";

export const metadata: Metadata = { title: "Referrals" };

const TAB_LABELS: Record<InboxTab, string> = {
  new: "New",
  resubmitted: "Resubmitted",
  "awaiting-information": "Awaiting information",
  responded: "Responded",
  closed: "Closed",
};
const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/**
 * The referrals inbox of the staff member's teams: a tab per status, filters by form and team,
 * search by reference or a child's name, oldest first, paged. The filters are a GET form, so it works without JavaScript
 * and a view can be bookmarked.
 */
export default async function ReferralsInboxPage({ searchParams }: Props) {
  const staff = await requireStaff("/staff");
  const params = await searchParams;
  const tab: InboxTab = isInboxTab(params.tab) ? params.tab : "new";
  const formId = allForms().some((form) => form.id === params.form) ? params.form! : null;
  const [teams, mine] = await Promise.all([listTeams(getDb()), myTeams(getDb(), staff)]);
  const teamName = teamNamer(teams);
  const team = mine.some((item) => item.id === params.team) ? params.team! : null;
  const search = (params.search ?? "").trim().slice(0, 100) || null;
  const page = Math.max(1, Math.min(Number(params.page) || 1, 10_000));
  const inbox = await browseInbox({ db: getDb(), now: now() }, { ...staff, ip: await clientAddress() }, { tab, formId, team, search, page, pageSize: PAGE_SIZE });
  // requireStaff let only staff this far, so `forbidden` is an empty inbox.
  const { rows, total } = inbox.status === "done" ? inbox : { rows: [], total: 0 };
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const query = (changes: Record<string, string | number | null>) => {
    const next = new URLSearchParams();
    const merged = { tab, form: formId, team, search, page: null, ...changes };
    for (const [key, value] of Object.entries(merged)) if (value !== null && value !== "" && !(key === "page" && String(value) === "1")) next.set(key, String(value));
    return `/staff?${next.toString()}`;
  };
  return (
    <div>
      <StaffNav current="referrals" />
      {params.handedOver === "1" && <NotificationBanner type="success" heading="The referral has been moved. It is now with the other team and no longer in your teams' work." />}
      {mine.length === 0 && <p className="mb-6">You are not a member of any team, so you have no referrals to work. A council admin sets your teams.</p>}
      <h1 className="heading-xl mb-6">Referrals</h1>
      <nav aria-label="Referral status" className="mb-6 border-b border-border">
        <ul className="flex flex-wrap gap-x-1">
          {(Object.keys(INBOX_TABS) as InboxTab[]).map((key) => (
            <li key={key}>
              <Link
                href={query({ tab: key })}
                aria-current={key === tab ? "page" : undefined}
                className={`-mb-px inline-block border border-b-0 px-4 py-2 ${key === tab ? "border-border bg-white font-bold text-ink no-underline" : "border-transparent bg-light-grey"}`}
              >
                {TAB_LABELS[key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/staff" className="mb-6 flex flex-wrap items-end gap-x-6" role="search" aria-label="Filter referrals">
        <input type="hidden" name="tab" value={tab} />
        <Select id="form" name="form" label="Form" defaultValue={formId ?? ""} options={[{ value: "", text: "All forms" }, ...allForms().map((form) => ({ value: form.id, text: form.title }))]} />
        <Select id="team" name="team" label="Team" defaultValue={team ?? ""} options={[{ value: "", text: "All my teams" }, ...mine.map((item) => ({ value: item.id, text: item.name }))]} />
        <TextInput id="search" name="search" type="search" label="Reference or child's name" defaultValue={search ?? ""} width="20" />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {rows.length === 0 ? (
        <p>No referrals here.</p>
      ) : (
        <>
          <ReferralTable caption={`${TAB_LABELS[tab]} referrals (${total}), oldest first`} rows={rows} teamName={teamName} />
          <nav aria-label="Pages" className="flex flex-wrap items-center gap-x-6">
            {page > 1 && <Link href={query({ page: page - 1 })}>Previous page</Link>}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages && <Link href={query({ page: page + 1 })}>Next page</Link>}
          </nav>
        </>
      )}
    </div>
  );
}
