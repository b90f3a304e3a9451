import { describe, expect, it } from "vitest";
import { isRealDate, todayIn } from "@/lib/dates/calendar";
import { formatDate } from "@/lib/format/dates";
import { parseDayMonthYear } from "@/lib/send/dates";
import { valueSchemaFor } from "@/lib/forms/question-types";
import type { Question } from "@/lib/forms/types";

describe("isRealDate: the one real-date rule (forms, SEND and the date text share it)", () => {
  it("knows month lengths and leap years", () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2100, 2, 29)).toBe(false);
    expect(isRealDate(2023, 4, 31)).toBe(false);
    expect(isRealDate(2023, 13, 1)).toBe(false);
    expect(isRealDate(2023, 1, 0)).toBe(false);
    expect(isRealDate(2023, 1.5, 1)).toBe(false);
  });

  it("reads years below 100 as they are (Date.UTC would read 99 as 1999): 29 February 0096 is real, 0099 is not", () => {
    expect(isRealDate(96, 2, 29)).toBe(true);
    expect(isRealDate(99, 2, 29)).toBe(false);
    expect(isRealDate(99, 3, 1)).toBe(true);
  });

  it("is the rule the form's date question, SEND's date boxes and the date text apply", () => {
    const question: Question = { id: "dob", type: "date", label: "Date of birth", isRequired: true };
    const parse = (day: string, month: string, year: string) => valueSchemaFor(question).safeParse({ day, month, year }).success;
    expect(parse("29", "2", "2024")).toBe(true);
    expect(parse("30", "2", "2024")).toBe(false);
    expect(parse("1", "3", "0099")).toBe(true);
    expect(parseDayMonthYear("1", "3", "0099")).toBe("0099-03-01");
    expect(parseDayMonthYear("30", "2", "2024")).toBeNull();
    expect(() => formatDate("2023-02-30")).toThrow(RangeError);
  });
});

describe("todayIn: what day it is in London", () => {
  it("is the next day late in the evening UTC during British Summer Time, and UTC's day in winter", () => {
    expect(todayIn(new Date("2023-06-30T23:30:00Z"))).toBe("2023-07-01");
    expect(todayIn(new Date("2023-12-31T23:30:00Z"))).toBe("2023-12-31");
  });
});
