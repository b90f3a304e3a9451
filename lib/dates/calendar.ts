/**
 * Days on the calendar, "YYYY-MM-DD", in one place: what day it is in London (the council's
 * day, whatever zone the server runs in) and whether a day, month and year make a real date.
 * Arithmetic is done in UTC (setUTCFullYear, getUTC*), so the answer never depends on the
 * server's own time zone. Writing dates as text is lib/format/dates.ts; SEND's statutory
 * arithmetic on days is lib/send/dates.ts.
 */

export const PORTAL_TIME_ZONE = "Europe/London";

/** The date on the calendar in `timeZone` at the instant `now`: 23:30 UTC on 30 June is 1 July in London. */
export function todayIn(now: Date, timeZone = PORTAL_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

/** Whether the day (1-31), month (1-12) and year make a day that exists: 29 February only in a leap year. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The number of days in a month (1-12) of a year, e.g. 29 for February 2024. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** Milliseconds at midnight UTC of a day. Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not. */
export function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}
