import { z } from "zod";
import { parseDayMonthYear } from "@/lib/send/dates";

const text = z.string().default("");
/** The three boxes of a date input as "YYYY-MM-DD", or "" so createCase reports the field. */
const dateParts = (prefix: string) => ({ [`${prefix}-day`]: text, [`${prefix}-month`]: text, [`${prefix}-year`]: text });

/** "Create case": only the case's own fields; createCase checks each one and says what is wrong. */
export const createCaseSchema = z
  .object({
    childForename: text,
    childSurname: text,
    requestorName: text,
    requestorRelationship: text,
    requestorEmail: text,
    caseworkerId: text,
    ...dateParts("childDateOfBirth"),
    ...dateParts("requestDate"),
  })
  .transform((form: Record<string, string>) => ({
    childForename: form.childForename ?? "",
    childSurname: form.childSurname ?? "",
    childDateOfBirth: parseDayMonthYear(form["childDateOfBirth-day"] ?? "", form["childDateOfBirth-month"] ?? "", form["childDateOfBirth-year"] ?? "") ?? "",
    requestDate: parseDayMonthYear(form["requestDate-day"] ?? "", form["requestDate-month"] ?? "", form["requestDate-year"] ?? "") ?? "",
    requestorName: form.requestorName ?? "",
    requestorRelationship: form.requestorRelationship ?? "",
    requestorEmail: form.requestorEmail ?? "",
    caseworkerId: form.caseworkerId ?? "",
  }));
