import { Button } from "@/components/button";
import { DateInput } from "@/components/date-input";
import { Select } from "@/components/select";
import { TextInput } from "@/components/text-input";
import { AUDIT_EVENT_LABELS, KNOWN_AUDIT_EVENTS } from "@/lib/audit/labels";
import type { ParsedTrailFilters } from "@/lib/audit/trail-filters";

const ACTION_OPTIONS = [{ value: "", text: "All actions" }, ...KNOWN_AUDIT_EVENTS.map((event) => ({ value: event, text: AUDIT_EVENT_LABELS[event] })).sort((a, b) => a.text.localeCompare(b.text))];

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
        <DateInput
          namePrefix="from"
          legend="From"
          legendSize="s"
          hint="For example, 27 3 2026"
          error={errors.from}
          defaultValue={{ day: typed["from-day"], month: typed["from-month"], year: typed["from-year"] }}
        />
        <DateInput namePrefix="to" legend="To" legendSize="s" hint="For example, 31 3 2026" error={errors.to} defaultValue={{ day: typed["to-day"], month: typed["to-month"], year: typed["to-year"] }} />
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
