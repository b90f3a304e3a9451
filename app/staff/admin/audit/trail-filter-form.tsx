import { Button } from "@/components/button";
import { DateInput } from "@/components/date-input";
import { Select } from "@/components/select";
import { TextInput } from "@/components/text-input";
import { AUDIT_EVENT_LABELS, KNOWN_AUDIT_EVENTS } from "@/lib/audit/labels";
import type { ParsedTrailFilters, TypedTrailFilters } from "@/lib/audit/trail-filters";

const ACTION_OPTIONS = [{ value: "", text: "All actions" }, ...KNOWN_AUDIT_EVENTS.map((event) => ({ value: event, text: AUDIT_EVENT_LABELS[event] })).sort((a, b) => a.text.localeCompare(b.text))];

/** One end of the date range: a GOV.UK date input whose boxes are `${prefix}-day`, `-month` and `-year` in the query string. */
function DateFilter({ prefix, legend, example, typed, error }: { prefix: "from" | "to"; legend: string; example: string; typed: TypedTrailFilters; error?: string }) {
  const value = { day: typed[`${prefix}-day`], month: typed[`${prefix}-month`], year: typed[`${prefix}-year`] };
  return <DateInput namePrefix={prefix} legend={legend} legendSize="s" hint={`For example, ${example}`} error={error} defaultValue={value} />;
}

/** The trail's filters: a GET form, so it works without JavaScript and a filtered view can be bookmarked or shared. */
export function TrailFilterForm({ typed, errors }: Pick<ParsedTrailFilters, "typed" | "errors">) {
  return (
    <form method="get" action="/staff/admin/audit" role="search" aria-label="Filter the audit trail" className="mb-8">
      <div className="flex flex-wrap items-start gap-x-6">
        <TextInput id="person" name="person" label="Person" hint="Part of a name or email address" defaultValue={typed.person} error={errors.person} width="20" maxLength={100} />
        <TextInput id="record" name="record" label="Record" hint="Reference, case number or id" defaultValue={typed.record} error={errors.record} width="20" maxLength={100} spellCheck={false} />
        <Select id="action" name="action" label="Action" defaultValue={typed.action} error={errors.action} options={ACTION_OPTIONS} />
      </div>
      <div className="flex flex-wrap items-start gap-x-10">
        <DateFilter prefix="from" legend="From" example="27 3 2026" typed={typed} error={errors.from} />
        <DateFilter prefix="to" legend="To" example="31 3 2026" typed={typed} error={errors.to} />
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
