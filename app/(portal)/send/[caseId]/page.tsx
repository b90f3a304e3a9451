import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/app/_auth/current-user";
import { sendDeps } from "@/app/_send/send-deps";
import { Details } from "@/components/details";
import { SummaryList } from "@/components/summary-list";
import { familyDocumentPath } from "@/lib/send/documents";
import Link from "next/link";
import { getDashboard, type Dashboard, type StripItem } from "@/lib/send/dashboard";
import { formatDate } from "@/lib/format/dates";
import { TIMESCALE_LABELS, type Timescale } from "@/lib/send/timescales";

type Props = { params: Promise<{ caseId: string }> };

/** One read per request for the title and the page; only through the family's active access. */
const dashboardFor = cache(async (caseId: string): Promise<Dashboard> => {
  const user = await requireUser(`/send/${caseId}`);
  const dashboard = await getDashboard(sendDeps(), { userId: user.userId }, caseId);
  if (!dashboard) notFound();
  return dashboard;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId } = await params;
  return { title: `SEND Dashboard - ${(await dashboardFor(caseId)).childName}` };
}

/** A timescale's state in words, so nothing depends on colour. */
function statusText(timescale: Timescale): string {
  switch (timescale.status) {
    case "upcoming":
      return "Due";
    case "overdue":
      return "Overdue";
    case "met":
      return `Done ${formatDate(timescale.completedOn!, "short")}`;
    case "met-late":
      return `Done ${formatDate(timescale.completedOn!, "short")}, after the due date`;
    case "exception":
      return timescale.completedOn ? `Done ${formatDate(timescale.completedOn, "short")}: an exception applies` : "An exception applies";
    case "not-needed":
      return "Not needed";
  }
}

function StripBox({ item }: { item: StripItem }) {
  return (
    <li
      className={`flex-1 basis-40 border-2 p-3 ${item.current ? "border-[#4c2c92] bg-[#4c2c92] text-white" : "border-border bg-white"}`}
      aria-current={item.current ? "step" : undefined}
    >
      {item.current && <strong className="mb-1 block uppercase">Current stage</strong>}
      <span className="block">{item.label}:</span>
      <strong className="block">{formatDate(item.date, "short")}</strong>
      {item.timescale && <span className="block">{statusText(item.timescale)}</span>}
    </li>
  );
}

function Box({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="border-2 border-border p-4" aria-label={title}>
      <h2 className="heading-m mb-3">{title}</h2>
      {children}
    </section>
  );
}

/**
 * SEND Dashboard - <child> (guide 004): the Statutory Timescales strip with the current stage
 * marked in words and colour, Extra Information, the caseworker, key dates, the three boxes part
 * 2 fills, and the history, newest first. Any child the user has no active access to is a 404.
 */
export default async function SendDashboardPage({ params }: Props) {
  const { caseId } = await params;
  const dashboard = await dashboardFor(caseId);
  const { actions, unreadMessages: unread, documents } = dashboard;
  const byKey = new Map(dashboard.timescales.map((item) => [item.key, item]));
  const exceptions = dashboard.timescales.filter((item) => item.exception && item.status === "exception");
  const keyDates = [
    { key: "Date of Request", value: formatDate(dashboard.requestDate) },
    { key: "Requestor", value: dashboard.requestor },
    ...dashboard.timescales.map((item) => ({
      key: `${TIMESCALE_LABELS[item.key]} Date`,
      value: `${formatDate(item.due)}${item.completedOn ? ` (done ${formatDate(item.completedOn)})` : ""}`,
    })),
    { key: "Rights pass to the young person", value: formatDate(dashboard.rightsPassOn) },
  ];
  return (
    <div>
      <span className="body-l mb-1 block text-secondary-ink">SEND Dashboard</span>
      <h1 className="heading-xl mb-6">SEND Dashboard - {dashboard.childName}</h1>

      <section aria-labelledby="timescales-heading" className="mb-6">
        <h2 id="timescales-heading" className="heading-m mb-3">
          Statutory Timescales
        </h2>
        <p className="mb-3">
          Current stage: <strong>{dashboard.stageName}</strong>
        </p>
        <ol className="flex flex-wrap gap-2">
          {dashboard.strip.map((item) => (
            <StripBox key={item.key} item={item} />
          ))}
        </ol>
        {exceptions.map((item) => (
          <p key={item.key} className="mt-3 border-l-[5px] border-brand pl-3">
            An exception applies to the {TIMESCALE_LABELS[item.key].toLowerCase().replace(/ due$/, "")} date: {item.exception!.note}
          </p>
        ))}
      </section>

      <Details summary="Extra Information">
        <h3 className="heading-s mb-2">{dashboard.stageName}</h3>
        <p className="mb-4">{dashboard.explanation.now}</p>
        <h3 className="heading-s mb-2">What happens next</h3>
        <p>{dashboard.explanation.next}</p>
        {byKey.get("draft-comments") && <p className="mt-4">Comments on the draft plan are due by {formatDate(byKey.get("draft-comments")!.due)}.</p>}
      </Details>

      <div className="mb-8 grid gap-4 md:grid-cols-2">
        <Box title="SEND Case Worker">
          <p className="mb-2 font-bold">{dashboard.caseworker.name}</p>
          <p>{dashboard.caseworker.contact}</p>
        </Box>
        <Box title="Key Dates">
          <SummaryList rows={keyDates} />
        </Box>
        <Box title={`Actions to Complete (${actions.length})`}>
          {actions.length === 0 ? (
            <p>No items to complete</p>
          ) : (
            <>
              <ul className="mb-3 list-disc pl-5">
                {actions.map((item) => (
                  <li key={item.id}>
                    {item.title}
                    {item.dueDate ? ` (due ${formatDate(item.dueDate)})` : ""}
                  </li>
                ))}
              </ul>
              <Link href={`/send/${caseId}/actions`}>
                Items to complete<span className="sr-only"> for {dashboard.childName}</span>
              </Link>
            </>
          )}
        </Box>
        <Box title="Messages">
          <p className="mb-3">{unread === 0 ? "No New Messages (0)" : `New Messages (${unread})`}</p>
          <Link href={`/send/${caseId}/messages`}>
            Open messages<span className="sr-only"> for {dashboard.childName}</span>
          </Link>
        </Box>
        <Box title="Documents to View">
          {documents.items.length === 0 ? (
            <p>No items to view</p>
          ) : (
            <>
              <ul className="mb-3">
                {documents.items.map((item) => (
                  <li key={item.id} className="mb-1">
                    <a href={familyDocumentPath(caseId, item.id)} download>
                      {item.description}
                    </a>
                  </li>
                ))}
              </ul>
              <Link href={`/send/${caseId}/documents`}>
                More items<span className="sr-only"> in Documents to View ({documents.total})</span>
              </Link>
            </>
          )}
        </Box>
      </div>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="heading-m mb-3">
          History
        </h2>
        <ul className="mb-8">
          {dashboard.history.map((item) => (
            <li key={item.id} className="border-b border-border py-3">
              <strong>{formatDate(item.date)}</strong>: {item.text}
              {item.note && <p className="mt-1 whitespace-pre-line text-secondary-ink">{item.note}</p>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
