import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { clientAddress } from "@/app/_security/client-address";
import { sendDeps } from "@/app/_send/send-deps";
import { Button } from "@/components/button";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { NotificationBanner } from "@/components/notification-banner";
import { Select } from "@/components/select";
import { Table } from "@/components/table";
import { formatDate } from "@/lib/format/dates";
import { Tag } from "@/components/tag";
import { TextInput } from "@/components/text-input";
import { CASELOAD_PAGE_SIZE, isStageFilter, listCases, STAGE_NAMES, type StageFilter } from "@/lib/send";

export const metadata: Metadata = { title: "SEND cases" };

const STAGE_FILTER_LABELS: Record<StageFilter, string> = {
  open: "Open cases",
  request: "Waiting for the decision whether to assess",
  assessment: "Assessment",
  plan: "Plan being written or draft plan issued",
  "plan-in-place": "EHC plan in place",
  ended: "Ended (decided not to assess or not to issue a plan)",
  all: "All cases",
};

const STAGE_FILTERS = Object.keys(STAGE_FILTER_LABELS) as StageFilter[];

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/**
 * The SEND caseworkers' list of EHC needs assessment cases: a stage filter and a search by the
 * child's name or the case number, nearest due date first (overdue first), 25 a page with the
 * total (lib/send/caseload.ts). The filters are a GET form and the pages are links, so it works
 * without JavaScript and a view can be bookmarked.
 */
export default async function SendCasesPage({ searchParams }: Props) {
  const user = await requireStaff("/staff/send");
  const params = await searchParams;
  const stage: StageFilter = isStageFilter(params.stage) ? params.stage : "open";
  const search = (params.search ?? "").trim().slice(0, 100);
  const page = Math.max(1, Math.min(Number(params.page) || 1, 10_000));
  const result = await listCases(sendDeps(), { userId: user.userId, role: user.role, ip: await clientAddress() }, { stage, search: search || null, page, pageSize: CASELOAD_PAGE_SIZE });
  if ("status" in result) redirect("/account/not-allowed");
  const { rows, total } = result;
  const pages = Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE));
  const pageHref = (to: number) => {
    const next = new URLSearchParams({ stage });
    if (search) next.set("search", search);
    if (to > 1) next.set("page", String(to));
    return `/staff/send?${next.toString()}`;
  };
  return (
    <div>
      {params.gone === "1" && (
        <NotificationBanner heading="That case or invitation could not be found">
          <p>Nothing was changed. Find the case in the list below.</p>
        </NotificationBanner>
      )}
      <StaffNav current="send" extra={[{ href: "/staff/send/messages", text: "Cases with unread messages" }]} />
      <h1 className="heading-xl mb-6">SEND cases</h1>
      <Button href="/staff/send/new">Create a case</Button>
      <form method="get" action="/staff/send" className="mb-6 flex flex-wrap items-end gap-x-6" role="search" aria-label="Filter SEND cases">
        <Select id="stage" name="stage" label="Stage" defaultValue={stage} options={STAGE_FILTERS.map((value) => ({ value, text: STAGE_FILTER_LABELS[value] }))} />
        <TextInput id="search" name="search" type="search" label="Child's name or case number" defaultValue={search} width="20" />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {rows.length === 0 ? (
        <p>{search ? "No cases match your search." : "No cases here."}</p>
      ) : (
        // Seven columns do not fit a phone: the table scrolls sideways inside its own region,
        // which takes focus so it can be scrolled from the keyboard.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        <div role="region" aria-label="SEND cases table" tabIndex={0} className="overflow-x-auto">
          <Table
            caption={`${STAGE_FILTER_LABELS[stage]} (${total}), nearest due date first`}
            captionSize="m"
            head={[{ text: "Case number" }, { text: "Child" }, { text: "Request received" }, { text: "Stage" }, { text: "Next due" }, { text: "Caseworker" }, { text: "Awaiting activation", isNumeric: true }]}
            rows={rows.map((row) => [
              <Link key="open" href={`/staff/send/${row.id}`} className="whitespace-nowrap">
                {row.number}
              </Link>,
              row.childName,
              <span key="request" className="whitespace-nowrap">
                {formatDate(row.requestDate, "short")}
              </span>,
              STAGE_NAMES[row.stage],
              row.nextDue ? (
                <span key="due">
                  <span className="whitespace-nowrap">{formatDate(row.nextDue, "short")}</span>
                  {row.overdue && (
                    <>
                      {" – "}
                      <Tag colour="red">Overdue</Tag>
                    </>
                  )}
                </span>
              ) : row.overdue ? (
                <Tag key="due" colour="red">
                  Overdue
                </Tag>
              ) : (
                "Nothing due"
              ),
              row.caseworkerName,
              row.awaitingActivation > 0 ? <strong key="awaiting">{row.awaitingActivation}</strong> : "None",
            ])}
          />
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-x-6">
          {page > 1 && <Link href={pageHref(page - 1)}>Previous page</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={pageHref(page + 1)}>Next page</Link>}
        </nav>
      )}
    </div>
  );
}
