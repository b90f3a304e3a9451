/**
 * The one way the portal writes dates, in pages, emails and PDFs (GOV.UK style): "5 September
 * 2023" where space allows, "5 Sep 2023" where a table needs the room, never "Sept". Instants
 * are read on the calendar in London, whatever zone the server runs in; a calendar day
 * ("2023-09-05") is written as it is.
 *
 * Month names are built here, not taken from Intl: its short months differ between runtimes
 * ("Sep" in browsers and on newer ICU, "Sept" in Node 20's en-GB).
 */
import { isRealDate, PORTAL_TIME_ZONE } from "@/lib/dates/calendar";

/** "long": 5 September 2023; "short": 5 Sep 2023, for tables. */
export type DateStyle = "long" | "short";

/** An instant, or a day on the calendar as "YYYY-MM-DD". */
export type DateValue = Date | string;

type Day = { year: number; month: number; day: number };
type Moment = Day & { hour: number; minute: number };

const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// Numbers only: Intl's digits are the same in every runtime, its month names are not.
const londonNumbers = new Intl.DateTimeFormat("en-GB", {
  timeZone: PORTAL_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** "5 September 2023", or "5 Sep 2023" in the short style. */
export function formatDate(value: DateValue, style: DateStyle = "long"): string {
  const { year, month, day } = typeof value === "string" ? calendarDay(value) : londonMoment(value);
  const months = style === "long" ? LONG_MONTHS : SHORT_MONTHS;
  return `${day} ${months[month - 1]} ${String(year).padStart(4, "0")}`;
}

/** "14:05" in London. */
export function formatTime(moment: Date): string {
  const { hour, minute } = londonMoment(moment);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** "5 September 2023 at 14:05", or "5 Sep 2023 14:05" in the short style (tables). */
export function formatDateTime(moment: Date, style: DateStyle = "long"): string {
  return `${formatDate(moment, style)}${style === "long" ? " at" : ""} ${formatTime(moment)}`;
}

/** "9am on Wednesday 3 March 2027", "5:30pm on …": a deadline in a sentence (GOV.UK style). */
export function formatTimeOnDay(moment: Date): string {
  const { year, month, day, hour, minute } = londonMoment(moment);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const time = `${hour12}${minute === 0 ? "" : `:${String(minute).padStart(2, "0")}`}${hour < 12 ? "am" : "pm"}`;
  return `${time} on ${WEEKDAYS[weekday({ year, month, day })]} ${formatDate(moment)}`;
}

function londonMoment(moment: Date): Moment {
  if (Number.isNaN(moment.getTime())) throw new RangeError("not a date: Invalid Date");
  const parts = londonNumbers.formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

function calendarDay(value: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!isRealDate(year, month, day)) throw new RangeError(`not a calendar date: ${JSON.stringify(value)}`);
  return { year, month, day };
}

function weekday({ year, month, day }: Day): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}
