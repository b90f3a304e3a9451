/**
 * The one date formatter: GOV.UK style ("5 September 2023"), a short form for tables
 * ("5 Sep 2023", never Node 20's "Sept"), always on the London calendar.
 */
import { describe, expect, it } from "vitest";
import { todayIn } from "@/lib/dates/calendar";
import { formatDate, formatDateTime, formatTime, formatTimeOnDay } from "@/lib/format/dates";

describe("formatDate", () => {
  it("writes the month in full by default, the day without a leading zero", () => {
    expect(formatDate("2023-09-05")).toBe("5 September 2023");
    expect(formatDate("2023-03-12")).toBe("12 March 2023");
    expect(formatDate(new Date("2023-09-05T12:00:00Z"))).toBe("5 September 2023");
  });

  it("writes September as Sep in the short form, never Sept", () => {
    expect(formatDate("2023-09-05", "short")).toBe("5 Sep 2023");
    expect(formatDate(new Date("2023-09-05T12:00:00Z"), "short")).toBe("5 Sep 2023");
    const everyMonth = Array.from({ length: 12 }, (_, index) => formatDate(`2023-${String(index + 1).padStart(2, "0")}-01`, "short"));
    expect(everyMonth).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map((month) => `1 ${month} 2023`));
  });

  it("reads an instant on the London calendar: 23:30 UTC in British Summer Time is the next day", () => {
    // 23:30 UTC on 30 September 2023 is 00:30 on 1 October in London (BST, UTC+1).
    const nearMidnight = new Date("2023-09-30T23:30:00Z");
    expect(formatDate(nearMidnight)).toBe("1 October 2023");
    expect(formatDate(nearMidnight, "short")).toBe("1 Oct 2023");
    expect(todayIn(nearMidnight)).toBe("2023-10-01");
    // The same clock time in winter (GMT) stays on its day.
    expect(formatDate(new Date("2023-12-31T23:30:00Z"))).toBe("31 December 2023");
  });

  it("writes a calendar day as it is, whatever the zone", () => {
    expect(formatDate("2024-02-29")).toBe("29 February 2024");
    expect(formatDate("2023-12-01", "short")).toBe("1 Dec 2023");
  });

  it("refuses what is not a date", () => {
    expect(() => formatDate("2023-13-01")).toThrow(RangeError);
    expect(() => formatDate("5 Sept 2023")).toThrow(RangeError);
    expect(() => formatDate(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("writes the London time with the date", () => {
    expect(formatDateTime(new Date("2026-11-23T10:00:00Z"))).toBe("23 November 2026 at 10:00");
    expect(formatDateTime(new Date("2023-09-05T13:05:00Z"))).toBe("5 September 2023 at 14:05");
    expect(formatDateTime(new Date("2023-09-05T13:05:00Z"), "short")).toBe("5 Sep 2023 14:05");
  });

  it("crosses midnight with the clocks", () => {
    expect(formatDateTime(new Date("2023-06-30T23:30:00Z"), "short")).toBe("1 Jul 2023 00:30");
    expect(formatDateTime(new Date("2023-01-30T14:45:00Z"), "short")).toBe("30 Jan 2023 14:45");
    expect(formatTime(new Date("2023-07-01T08:05:00Z"))).toBe("09:05");
  });
});

describe("formatTimeOnDay", () => {
  it("writes a deadline in a sentence, GOV.UK style", () => {
    expect(formatTimeOnDay(new Date("2027-03-03T09:00:00Z"))).toBe("9am on Wednesday 3 March 2027");
    expect(formatTimeOnDay(new Date("2023-09-05T16:30:00Z"))).toBe("5:30pm on Tuesday 5 September 2023");
    expect(formatTimeOnDay(new Date("2023-09-05T11:00:00Z"))).toBe("12pm on Tuesday 5 September 2023");
  });

  it("names the London day, not the UTC one", () => {
    expect(formatTimeOnDay(new Date("2023-09-30T23:30:00Z"))).toBe("12:30am on Sunday 1 October 2023");
  });
});
