/**
 * A date typed as day, month and year fields (GOV.UK date input), optionally marked as
 * estimated ("I'm not sure of the exact date"). Stored zero-padded, e.g. {day:"05",
 * month:"03", year:"2019"}, with isEstimated: true only when the question allows it and the
 * box was ticked.
 */
import { isRealDate, todayIn } from "@/lib/dates/calendar";
import { formatDate } from "@/lib/format/dates";
import type { AnswerValue } from "../types";
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, fieldText, partsSchema } from "./field-schema";
import { isDateValue } from "../values";
import { labelAtStart, missingAnswerMessage } from "./wording";

type DateQuestion = QuestionOfType<"date">;
type DateParts = { day: string; month: string; year: string };
type PartName = keyof DateParts;

const PART_NAMES: PartName[] = ["day", "month", "year"];

export const dateQuestion: QuestionTypeHandler<DateQuestion> = {
  type: "date",
  valueSchema: (question) => partsSchema((raw) => parseDate(question, raw)),
  readForm: (_question, form, name) => ({
    day: form.get(`${name}-day`),
    month: form.get(`${name}-month`),
    year: form.get(`${name}-year`),
    isEstimated: form.get(`${name}-estimated`),
  }),
  summarise: (_question, value) => {
    if (typeof value === "string" || Array.isArray(value) || !isDateValue(value)) return answerText(value);
    const day = `${value.year}-${value.month.padStart(2, "0")}-${value.day.padStart(2, "0")}`;
    const text = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(day) ? formatDate(day) : `${value.day} ${value.month} ${value.year}`;
    return value.isEstimated === true ? `${text} (estimated)` : text;
  },
};

function parseDate(question: DateQuestion, raw: unknown): { value: AnswerValue } | { error: string } | undefined {
  const label = labelAtStart(question.label);
  const fields = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const parts = { day: fieldText(fields.day), month: fieldText(fields.month), year: fieldText(fields.year) };
  if (parts.day === undefined || parts.month === undefined || parts.year === undefined) return { error: `${label} must be a real date` };

  const missing = PART_NAMES.filter((name) => parts[name] === "");
  if (missing.length === 3) return question.isRequired === true ? { error: missingAnswerMessage("Enter", question.label) } : undefined;
  if (missing.length > 0) return { error: `${label} must include a ${missing.join(" and ")}` };

  const { day, month, year } = parts as DateParts;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) return { error: `${label} must be a real date` };
  if (!/^\d+$/.test(year)) return { error: `${label} must be a real date` };
  if (year.length !== 4) return { error: `${label} year must include 4 numbers` };
  if (!isRealDate(Number(year), Number(month), Number(day))) return { error: `${label} must be a real date` };

  const stored = { day: day.padStart(2, "0"), month: month.padStart(2, "0"), year };
  if (question.mustBePast === true && isAfterToday(stored)) return { error: `${label} must be in the past` };
  const isEstimated = question.allowEstimated === true && (fields.isEstimated === "yes" || fields.isEstimated === true);
  return { value: isEstimated ? { ...stored, isEstimated: true } : stored };
}

// "The past" means before tomorrow in the UK, whatever the server's own time zone: a baby born
// today has a date of birth in the past.
function isAfterToday(date: DateParts): boolean {
  return `${date.year}-${date.month}-${date.day}` > todayIn(new Date());
}
