import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonthsClamped,
  compareDates,
  daysBetween,
  isCalendarDate,
  parseDayMonthYear,
  rightsPassDate,
} from "@/lib/send/dates";
import { daysInMonth, todayIn } from "@/lib/dates/calendar";

describe("isCalendarDate", () => {
  it("accepts real dates in YYYY-MM-DD form", () => {
    expect(isCalendarDate("2023-03-12")).toBe(true);
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-12-31")).toBe(true);
  });

  it("rejects dates that do not exist", () => {
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2023-13-01")).toBe(false);
    expect(isCalendarDate("2023-00-10")).toBe(false);
    expect(isCalendarDate("2023-04-31")).toBe(false);
    expect(isCalendarDate("2023-01-00")).toBe(false);
    expect(isCalendarDate("1900-02-29")).toBe(false);
  });

  it("rejects other shapes and non-strings", () => {
    expect(isCalendarDate("2023-1-5")).toBe(false);
    expect(isCalendarDate("")).toBe(false);
    expect(isCalendarDate("2023-03-12T00:00:00Z")).toBe(false);
    expect(isCalendarDate(" 2023-03-12")).toBe(false);
    expect(isCalendarDate("12/03/2023")).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
    expect(isCalendarDate(undefined)).toBe(false);
    expect(isCalendarDate(20230312)).toBe(false);
    expect(isCalendarDate(new Date("2023-03-12"))).toBe(false);
  });
});

describe("parseDayMonthYear", () => {
  it("pads one-digit days and months and trims spaces", () => {
    expect(parseDayMonthYear("5", "3", "2023")).toBe("2023-03-05");
    expect(parseDayMonthYear(" 05 ", " 03", "2023 ")).toBe("2023-03-05");
    expect(parseDayMonthYear("29", "2", "2024")).toBe("2024-02-29");
  });

  it("returns null for anything that is not a real date", () => {
    expect(parseDayMonthYear("29", "2", "2023")).toBeNull();
    expect(parseDayMonthYear("31", "4", "2023")).toBeNull();
    expect(parseDayMonthYear("1", "13", "2023")).toBeNull();
    expect(parseDayMonthYear("0", "1", "2023")).toBeNull();
    expect(parseDayMonthYear("1", "1", "23")).toBeNull();
    expect(parseDayMonthYear("001", "1", "2023")).toBeNull();
    expect(parseDayMonthYear("", "1", "2023")).toBeNull();
    expect(parseDayMonthYear("1st", "1", "2023")).toBeNull();
    expect(parseDayMonthYear("1", "Jan", "2023")).toBeNull();
  });
});

describe("date arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2023-01-30", 41)).toBe("2023-03-12");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    // Spans the clocks going forward (26 March 2023) without losing or gaining a day.
    expect(addDays("2023-03-25", 2)).toBe("2023-03-27");
  });

  it("compares dates", () => {
    expect(compareDates("2023-03-12", "2023-03-13")).toBe(-1);
    expect(compareDates("2023-03-12", "2023-03-12")).toBe(0);
    expect(compareDates("2024-01-01", "2023-12-31")).toBe(1);
  });

  it("counts the days from a to b", () => {
    expect(daysBetween("2023-01-30", "2023-03-12")).toBe(41);
    expect(daysBetween("2023-03-12", "2023-01-30")).toBe(-41);
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(daysBetween("2023-02-01", "2023-03-01")).toBe(28);
    expect(daysBetween("2023-10-28", "2023-10-30")).toBe(2);
  });

  it("adds months, clamping to the end of shorter months", () => {
    expect(addMonthsClamped("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonthsClamped("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonthsClamped("2023-08-31", 12)).toBe("2024-08-31");
    expect(addMonthsClamped("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonthsClamped("2023-11-15", 3)).toBe("2024-02-15");
    expect(addMonthsClamped("2023-03-31", -1)).toBe("2023-02-28");
    expect(addMonthsClamped("2023-01-15", -13)).toBe("2021-12-15");
  });

  it("knows how long each month is", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it("refuses to do arithmetic on something that is not a date", () => {
    expect(() => addDays("2023-02-29", 1)).toThrow(RangeError);
    expect(() => compareDates("not a date", "2023-02-28")).toThrow(RangeError);
  });
});

describe("todayIn", () => {
  it("is the next day in London late in the evening UTC during British Summer Time", () => {
    expect(todayIn(new Date("2023-06-30T23:30:00Z"))).toBe("2023-07-01");
    expect(todayIn(new Date("2023-06-30T22:59:59Z"))).toBe("2023-06-30");
    expect(todayIn(new Date("2023-06-30T23:00:00Z"))).toBe("2023-07-01");
  });

  it("matches UTC in London during Greenwich Mean Time", () => {
    expect(todayIn(new Date("2023-12-31T23:30:00Z"))).toBe("2023-12-31");
    expect(todayIn(new Date("2024-01-01T00:00:00Z"))).toBe("2024-01-01");
  });

  it("uses the time zone it is given", () => {
    expect(todayIn(new Date("2023-06-30T23:30:00Z"), "UTC")).toBe("2023-06-30");
    expect(todayIn(new Date("2023-06-30T10:00:00Z"), "Pacific/Kiritimati")).toBe("2023-07-01");
    expect(todayIn(new Date("2023-07-01T05:00:00Z"), "America/New_York")).toBe("2023-07-01");
    expect(todayIn(new Date("2023-07-01T03:00:00Z"), "America/New_York")).toBe("2023-06-30");
  });
});

describe("rightsPassDate", () => {
  it("is the last Friday in June of the school year in which the young person turns 16", () => {
    expect(rightsPassDate("2010-03-15")).toBe("2026-06-26");
    expect(rightsPassDate("2010-10-01")).toBe("2027-06-25");
  });

  it("puts 31 August and 1 September birthdays in different school years", () => {
    expect(rightsPassDate("2010-08-31")).toBe("2026-06-26");
    expect(rightsPassDate("2010-09-01")).toBe("2027-06-25");
  });

  it("handles a 29 February birthday", () => {
    expect(rightsPassDate("2008-02-29")).toBe("2024-06-28");
  });

  it("can fall on 30 June itself", () => {
    // 30 June 2028 is a Friday.
    expect(rightsPassDate("2012-01-01")).toBe("2028-06-30");
  });
});
