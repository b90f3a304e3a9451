import { formatDateTime } from "@/lib/format/dates";
import { auditEventLabel } from "@/lib/audit/labels";
import type { RecordViews } from "@/lib/audit/record-views";

/** "Who has viewed this": the latest staff reads of the record (this visit included), with how many there are in all. */
export function RecordViewsSection({ views }: { views: RecordViews }) {
  return (
    <section aria-labelledby="record-views-heading" className="mb-8">
      <h2 id="record-views-heading" className="heading-m mb-4">
        Who has viewed this
      </h2>
      <p className="mb-3 text-secondary-ink">
        {views.total === views.views.length ? `${views.total} ${views.total === 1 ? "view or download" : "views and downloads"} by staff.` : `The latest ${views.views.length} of ${views.total} views and downloads by staff.`}
      </p>
      <ul className="border-l-4 border-border pl-4">
        {views.views.map((view) => (
          <li key={view.id} className="mb-3">
            <span className="block font-bold">{view.name}</span>
            <span className="block">{auditEventLabel(view.event)}</span>
            <span className="text-secondary-ink">{formatDateTime(view.at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
