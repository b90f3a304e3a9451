/**
 * The audit trail's filters, read from the query string of its GET form (the page and the CSV
 * share them): person (name or email contains), record (a referral reference, an EHC case number
 * or a record id), action (a known event) and a London date range. Bad input comes back as a
 * message per field, with what was typed, so the page can show it beside the field and in the
 * error summary; the page and the CSV show no rows until the filters are valid.
 */
import { parseCaseNumber } from "@/lib/send/deps";
import { compareDates, parseDayMonthYear, type CalendarDate } from "@/lib/send/dates";
import { isUuid } from "@/lib/security/uuid";
import { isKnownAuditEvent, type KnownAuditEvent } from "./labels";

export type RecordFilter = { kind: "id"; id: string } | { kind: "reference"; reference: string } | { kind: "case-number"; number: number };

export type TrailFilters = { person?: string | null; record?: RecordFilter | null; action?: KnownAuditEvent | null; from?: CalendarDate | null; to?: CalendarDate | null };

export type TrailFilterField = "person" | "record" | "action" | "from" | "to";

/** What was typed, as the form's fields name it, for putting back in the form and in links. */
export type TypedTrailFilters = Record<"person" | "record" | "action" | "from-day" | "from-month" | "from-year" | "to-day" | "to-month" | "to-year", string>;

export type ParsedTrailFilters = { filters: TrailFilters; typed: TypedTrailFilters; errors: Partial<Record<TrailFilterField, string>> };

const MAX_TEXT = 100;
const REFERENCE = /^CP-[A-Z0-9]{4}-[A-Z0-9]{4}(?:-V\d+)?$/;

type Params = Record<string, string | string[] | undefined>;

const first = (params: Params, name: string): string => {
  const value = params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, MAX_TEXT) ?? "";
};

function parseRecord(text: string): RecordFilter | null {
  const upper = text.toUpperCase().replace(/\s+/g, "");
  if (isUuid(text)) return { kind: "id", id: upper.toLowerCase() };
  if (REFERENCE.test(upper)) return { kind: "reference", reference: upper };
  const number = /^(EHC-?)?\d+$/.test(upper) ? parseCaseNumber(upper) : null;
  return number !== null ? { kind: "case-number", number } : null;
}

function parseDate(typed: TypedTrailFilters, prefix: "from" | "to", label: string): { date: CalendarDate | null; error?: string } {
  const [day, month, year] = [typed[`${prefix}-day`], typed[`${prefix}-month`], typed[`${prefix}-year`]];
  if (!day && !month && !year) return { date: null };
  const date = parseDayMonthYear(day, month, year);
  return date ? { date } : { date: null, error: `${label} must be a real date, like 27 3 2026` };
}

export function parseTrailFilters(params: Params): ParsedTrailFilters {
  const typed = Object.fromEntries(
    (["person", "record", "action", "from-day", "from-month", "from-year", "to-day", "to-month", "to-year"] as const).map((name) => [name, first(params, name)]),
  ) as TypedTrailFilters;
  const errors: ParsedTrailFilters["errors"] = {};
  const record = typed.record ? parseRecord(typed.record) : null;
  if (typed.record && !record) errors.record = "Enter a referral reference like CP-ABCD-EFGH, a case number like EHC-000123, or a record id";
  if (typed.action && !isKnownAuditEvent(typed.action)) errors.action = "Choose an action from the list";
  const from = parseDate(typed, "from", "The from date");
  const to = parseDate(typed, "to", "The to date");
  if (from.error) errors.from = from.error;
  if (to.error) errors.to = to.error;
  if (from.date && to.date && compareDates(from.date, to.date) > 0) errors.to = "The to date must be the same as or after the from date";
  const filters: TrailFilters = {
    person: typed.person || null,
    record: errors.record ? null : record,
    action: !errors.action && typed.action ? (typed.action as KnownAuditEvent) : null,
    from: errors.from ? null : from.date,
    to: errors.to ? null : to.date,
  };
  return { filters, typed, errors };
}

/** The query string for these typed filters, with a page (page 1 is left out). */
export function trailQueryString(typed: TypedTrailFilters, page = 1): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(typed)) if (value) query.set(name, value);
  if (page > 1) query.set("page", String(page));
  return query.toString();
}
