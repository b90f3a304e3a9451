/**
 * Telling stored answer shapes apart, and whether an answer says anything. A date has `day`,
 * an address `postcode`, a table `rows`; per-person answers (`groups`) are told apart by
 * per-person.ts.
 */
import type { AddressValue, AnswerValue, DateValue, TableValue } from "./types";

export function isDateValue(value: AnswerValue): value is DateValue {
  return typeof value === "object" && !Array.isArray(value) && "day" in value;
}

export function isAddressValue(value: AnswerValue): value is AddressValue {
  return typeof value === "object" && !Array.isArray(value) && "postcode" in value;
}

export function isTableValue(value: AnswerValue): value is TableValue {
  return typeof value === "object" && !Array.isArray(value) && "rows" in value;
}

/** True when the answer holds nothing the user typed or chose. */
export function isBlankAnswer(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isDateValue(value)) return [value.day, value.month, value.year].every((part) => part.trim() === "");
  if (isTableValue(value)) return value.status === undefined && value.rows.every((row) => Object.values(row).every((cell) => cell.trim() === ""));
  return [value.postcode, value.houseNumber, value.uprn, value.line1, value.line2, value.town].every((part) => (part ?? "").trim() === "");
}

/** A deep copy, so an answer read from a draft can be compared with the one about to be saved. */
export function copyAnswerValue<T extends AnswerValue>(value: T): T {
  return structuredClone(value);
}
