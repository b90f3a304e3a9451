import type { Metadata } from "next";
import Link from "next/link";
import { requireCouncilAdmin } from "@/app/_auth/current-user";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { ErrorSummary } from "@/components/error-summary";
import { Table } from "@/components/table";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/lib/format/dates";
import { auditEventLabel, describeDetail } from "@/lib/audit/labels";
import { listTrailPage, TRAIL_PAGE_SIZE, type TrailRecord } from "@/lib/audit/trail";
import { parseTrailFilters, trailQueryString, type TrailFilterField } from "@/lib/audit/trail-filters";
import { TrailFilterForm } from "./trail-filter-form";

export const metadata: Metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The field each filter's error links to from the summary (a date's first box). */
const FIELD_IDS: Record<TrailFilterField, string> = { person: "person", record: "record", action: "action", from: "from-day", to: "to-day" };

function RecordLink({ record }: { record: TrailRecord | null }) {
  if (!record) return null;
  if (record.kind === "referral") return <Link href={`/staff/referrals/${record.id}`}>{record.reference}</Link>;
  if (record.kind === "send-case") return <Link href={`/staff/send/${record.id}`}>{record.number}</Link>;
  return <span className="break-all">{record.id}</span>;
}

/**
 * The audit trail, for council admins (the admin layout 404s anyone else, and the query itself is
 * scoped to admins): who read or did what, to which record, when (London time) and from which
 * address; filtered by a GET form, newest first, 50 to a page, and downloadable as CSV.
 */
export default async function AuditTrailPage({ searchParams }: Props) {
  const admin = await requireCouncilAdmin("/staff/admin/audit");
  const params = await searchParams;
  const { filters, typed, errors } = parseTrailFilters(params);
  const hasErrors = Object.keys(errors).length > 0;
  const requestedPage = Number(Array.isArray(params.page) ? params.page[0] : params.page) || 1;
  const trail = hasErrors ? null : await listTrailPage(getDb(), admin, filters, requestedPage);
  const query = trailQueryString(typed);
  const pageLink = (page: number) => `/staff/admin/audit?${trailQueryString(typed, page)}`;
  return (
    <div>
      <StaffNav current="admin-audit" />
      <ErrorSummary errors={(Object.entries(errors) as [TrailFilterField, string][]).map(([field, text]) => ({ fieldId: FIELD_IDS[field], text }))} />
      <h1 className="heading-xl mb-6">Audit trail</h1>
      <p className="mb-6">Every staff view, download and search of a referral or SEND case, and every account event, with who, when and from which client address. Search terms are kept here, for council admins only.</p>
      <TrailFilterForm typed={typed} errors={errors} />
      {trail === null ? (
        <p className="mb-8">Correct the filters to see the trail.</p>
      ) : (
        <>
          <p className="mb-6">
            <a href={`/staff/admin/audit/export${query ? `?${query}` : ""}`} download>
              Download as CSV
            </a>{" "}
            (every row that matches these filters)
          </p>
          {trail.rows.length === 0 ? (
            <p className="mb-8">No audit rows match these filters.</p>
          ) : (
            <Table
              caption={`Audit rows, newest first: page ${trail.page}`}
              head={[{ text: "Time" }, { text: "Person" }, { text: "Action" }, { text: "Record" }, { text: "Client address" }, { text: "Details" }]}
              rows={trail.rows.map((row) => [
                formatDateTime(row.at, "short"),
                row.person ? (
                  <span key="person">
                    <span className="block">{row.person.name}</span>
                    <span className="block break-all text-secondary-ink">{row.person.email}</span>
                  </span>
                ) : (
                  "Nobody signed in"
                ),
                auditEventLabel(row.event),
                <RecordLink key="record" record={row.record} />,
                row.ip ?? "Not known",
                <span key="detail" className="break-all">
                  {describeDetail(row.detail)}
                </span>,
              ])}
            />
          )}
          <nav aria-label="Pages" className="flex flex-wrap items-center gap-x-6">
            {trail.page > 1 && <Link href={pageLink(trail.page - 1)}>Previous page</Link>}
            <span>
              Page {trail.page}, {TRAIL_PAGE_SIZE} rows to a page
            </span>
            {trail.hasNext && <Link href={pageLink(trail.page + 1)}>Next page</Link>}
          </nav>
        </>
      )}
    </div>
  );
}
