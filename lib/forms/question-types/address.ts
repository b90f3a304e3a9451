/**
 * An address, found by postcode in the gazetteer or typed by hand (GOV.UK "find an address").
 * The user types a postcode (and perhaps a house number), presses "Find address" and picks from
 * the list, which stores the gazetteer's UPRN and lines; or chooses "Enter address manually".
 * Validation is synchronous, so the engine fills a picked address's lines from the gazetteer
 * first (resolveAddressInput). Posted as `${name}-postcode`, `-houseNumber`, `-uprn`, `-line1`,
 * `-line2`, `-town` and `-manual` ("yes" in manual mode).
 */
import type { AddressLookup, AddressProvider } from "@/lib/address/address-provider";
import type { AddressValue, AnswerValue } from "../types";
import { isAddressValue } from "../values";
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, fieldText, partsSchema } from "./field-schema";
import { normalisePostcode, POSTCODE_MESSAGE } from "./postcode";
import { missingAnswerMessage } from "./wording";

type AddressQuestion = QuestionOfType<"address">;
type AddressPart = "postcode" | "houseNumber" | "uprn" | "line1" | "line2" | "town";

const PARTS: AddressPart[] = ["postcode", "houseNumber", "uprn", "line1", "line2", "town"];

export const ADDRESS_SELECT_MESSAGE = "Select an address from the list, or enter the address manually";
export const ADDRESS_POSTCODE_MESSAGE = "Enter the postcode";
export const ADDRESS_LINE1_MESSAGE = "Enter building and street";
export const ADDRESS_TOWN_MESSAGE = "Enter town or city";
export const ADDRESS_LINE_MAX_LENGTH = 200;

export const addressQuestion: QuestionTypeHandler<AddressQuestion> = {
  type: "address",
  valueSchema: (question) => partsSchema((raw) => parseAddress(question, raw)),
  // What was typed, shaped as an AddressValue, so the engine can also save it as it stands on a button press.
  readForm: (_question, form, name): AddressValue => {
    const typed: AddressValue = { postcode: (form.get(`${name}-postcode`) ?? "").trim() };
    for (const part of PARTS.slice(1)) {
      const text = (form.get(`${name}-${part}`) ?? "").trim();
      if (text !== "") typed[part] = text;
    }
    if (form.get(`${name}-manual`) === "yes") typed.isManual = true;
    return typed;
  },
  summarise: (_question, value) => answerText(value),
};

function parseAddress(question: AddressQuestion, raw: unknown): { value: AddressValue } | { error: string } | undefined {
  const emptyMessage = missingAnswerMessage("Enter", question.label);
  const fields = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const parts = {} as Record<AddressPart, string>;
  for (const part of PARTS) {
    const text = fieldText(fields[part]);
    // Not text: a tampered or mis-wired form, never something a person typed.
    if (text === undefined) return { error: emptyMessage };
    parts[part] = text;
  }
  if (PARTS.every((part) => parts[part] === "")) return question.isRequired === true ? { error: emptyMessage } : undefined;
  const lines = { line1: parts.line1, ...(parts.line2 !== "" && { line2: parts.line2 }), town: parts.town };

  if (isManual(fields.isManual)) {
    if (parts.line1 === "") return { error: ADDRESS_LINE1_MESSAGE };
    if (parts.town === "") return { error: ADDRESS_TOWN_MESSAGE };
    const tooLong = (["line1", "line2", "town"] as const).find((part) => parts[part].length > ADDRESS_LINE_MAX_LENGTH);
    if (tooLong) return { error: `${LINE_LABELS[tooLong]} must be ${ADDRESS_LINE_MAX_LENGTH} characters or less` };
    if (parts.postcode === "") return { error: ADDRESS_POSTCODE_MESSAGE };
    const postcode = normalisePostcode(parts.postcode);
    if (postcode === undefined) return { error: POSTCODE_MESSAGE };
    return { value: { postcode, ...lines, isManual: true } };
  }

  if (parts.postcode === "") return { error: ADDRESS_POSTCODE_MESSAGE };
  const postcode = normalisePostcode(parts.postcode);
  if (postcode === undefined) return { error: POSTCODE_MESSAGE };
  // A UPRN without its lines was never resolved against the gazetteer: treat it as not picked.
  if (parts.uprn === "" || parts.line1 === "" || parts.town === "") return { error: ADDRESS_SELECT_MESSAGE };
  const houseNumber = parts.houseNumber !== "" ? { houseNumber: parts.houseNumber } : {};
  return { value: { postcode, ...houseNumber, uprn: parts.uprn, ...lines } };
}

const LINE_LABELS = { line1: "Building and street", line2: "Building and street line 2", town: "Town or city" };

function isManual(flag: unknown): boolean {
  return flag === true || flag === "yes";
}

/**
 * The raw value with a picked address's lines and postcode filled in from the address lookup,
 * for valueSchema. The answer already stored for the same UPRN was resolved when it was picked,
 * so it is reused: no lookup on every save, and an outage does not undo a pick. A UPRN the
 * lookup does not know, or cannot answer for, is blanked, so validation asks for a pick (and
 * the page offers "Enter address manually"). Anything else (manual mode, nothing picked) is
 * returned unchanged.
 */
export async function resolveAddressInput(raw: unknown, provider: AddressProvider, stored?: AnswerValue): Promise<unknown> {
  if (typeof raw !== "object" || raw === null) return raw;
  const fields = raw as Record<string, unknown>;
  if (isManual(fields.isManual) || typeof fields.uprn !== "string" || fields.uprn.trim() === "") return raw;
  const { line1: _line1, line2: _line2, town: _town, ...rest } = fields;
  const uprn = fields.uprn.trim();
  if (stored !== undefined && isAddressValue(stored) && isPicked(stored) && stored.uprn === uprn) return withLinesOf(rest, { ...stored, uprn });
  const lookup = await provider.byUprn(uprn);
  return lookup.status === "found" ? withLinesOf(rest, lookup.address) : { ...rest, uprn: "" };
}

function withLinesOf(rest: Record<string, unknown>, address: { uprn: string; postcode: string; line1?: string; line2?: string; town?: string }) {
  return { ...rest, postcode: address.postcode, uprn: address.uprn, line1: address.line1, ...(address.line2 ? { line2: address.line2 } : {}), town: address.town };
}

/**
 * The lookup to show under "Select an address": for the typed postcode (and house number)
 * while nothing is picked and the user is not typing the address by hand; else undefined.
 */
export async function addressLookupFor(value: AddressValue | undefined, provider: AddressProvider): Promise<AddressLookup | undefined> {
  if (value === undefined || value.isManual === true || isPicked(value)) return undefined;
  const postcode = normalisePostcode(value.postcode ?? "");
  if (postcode === undefined) return undefined;
  return provider.find(postcode, value.houseNumber);
}

/** Whether an address was picked from the gazetteer and resolved (so it is shown, not the list). */
export function isPicked(value: AddressValue): boolean {
  return value.isManual !== true && Boolean(value.uprn) && Boolean(value.line1);
}

/** For "Enter address manually": the manual fields, prefilled from a picked address or the house number. */
export function switchToManualAddress(value: AnswerValue | undefined): AddressValue {
  const address = asAddress(value);
  const line1 = address.line1 ?? address.houseNumber;
  return {
    postcode: address.postcode,
    ...(line1 !== undefined && { line1 }),
    ...(address.line2 !== undefined && { line2: address.line2 }),
    ...(address.town !== undefined && { town: address.town }),
    isManual: true,
  };
}

/** For "Find address", "Change address" and "Find address instead": postcode and house number only, so the list shows. */
export function switchToAddressLookup(value: AnswerValue | undefined): AddressValue {
  const address = asAddress(value);
  return { postcode: address.postcode, ...(address.houseNumber !== undefined && { houseNumber: address.houseNumber }) };
}

function asAddress(value: AnswerValue | undefined): AddressValue {
  return value !== undefined && isAddressValue(value) ? value : { postcode: "" };
}
