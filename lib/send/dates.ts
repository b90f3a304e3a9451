/**
 * Calendar dates for SEND timescales: plain "YYYY-MM-DD" strings, never instants. Statutory
 * deadlines fall on days, not moments, so all arithmetic is done in UTC (Date.UTC, getUTC*):
 * the answer must not change with the time zone the server happens to run in. What day it is in
 * London and what makes a real date are lib/dates/calendar.ts.
 */
import { daysInMonth, isRealDate, utcMs } from "@/lib/dates/calendar";

/** A day in the calendar, "YYYY-MM-DD" (e.g. "2023-03-12"). */
export type CalendarDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const FRIDAY = 5;

type Parts = { year: number; month: number; day: number };

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  return isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * The date from a GOV.UK date input (separate day, month and year boxes), or null when the
 * fields do not make a real date. "5", "05" and " 5 " are all the 5th; the year needs 4 digits.
 */
export function parseDayMonthYear(day: string, month: string, year: string): CalendarDate | null {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  if (!isRealDate(Number(y), Number(m), Number(d))) return null;
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

export function addDays(date: CalendarDate, n: number): CalendarDate {
  return fromMs(toMs(date) + n * DAY_MS);
}

/** -1 when a is earlier than b, 1 when later, 0 on the same day. */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  const difference = toMs(a) - toMs(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** Whole days from a to b: positive when b is later. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** The same day of the month n months on; 31 January + 1 month is the last day of February. */
export function addMonthsClamped(date: CalendarDate, n: number): CalendarDate {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/**
 * The end of compulsory school age (Education Act 1996 s.8): the last Friday in June of the
 * school year (1 September to 31 August) in which the young person turns 16. Rights to make
 * their own SEND decisions pass from the parent to the young person after this date.
 */
export function rightsPassDate(dateOfBirth: CalendarDate): CalendarDate {
  const { year, month } = partsOf(dateOfBirth);
  // The 16th birthday falls in year + 16. A birthday from September onwards falls in the school
  // year that ends the following summer. (29 February needs no care: only the month counts.)
  const summer = month >= 9 ? year + 17 : year + 16;
  const lastOfJune = new Date(utcMs(summer, 6, 30));
  const daysBack = (lastOfJune.getUTCDay() - FRIDAY + 7) % 7;
  return format({ year: summer, month: 6, day: 30 - daysBack });
}

function partsOf(date: CalendarDate): Parts {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function toMs(date: CalendarDate): number {
  const { year, month, day } = partsOf(date);
  return utcMs(year, month, day);
}

function fromMs(ms: number): CalendarDate {
  const date = new Date(ms);
  return format({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

function format({ year, month, day }: Parts): CalendarDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
