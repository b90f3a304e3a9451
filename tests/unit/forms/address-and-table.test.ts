import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ADDRESS_UNAVAILABLE_MESSAGE, AddressField, addressFieldFirstId } from "@/components/forms/address-field";
import { TableField, tableFieldFirstId } from "@/components/forms/table-field";
import type { AddressLookup, AddressProvider } from "@/lib/address/address-provider";
import { bundledGazetteer } from "@/lib/address/gazetteer";
import { getAddressProvider } from "@/lib/address/provider";
import { POSTCODE_MESSAGE, readFormValue, summariseAnswer, valueSchemaFor } from "@/lib/forms/question-types";
import {
  ADDRESS_SELECT_MESSAGE,
  addressLookupFor,
  resolveAddressInput,
  switchToAddressLookup,
  switchToManualAddress,
} from "@/lib/forms/question-types/address";
import { addTableRow, removeTableRow } from "@/lib/forms/question-types/table";
import type { AnswerValue, Question, TableValue } from "@/lib/forms/types";
import { allTags, attribute, labelText, render, stripTags, tagWithId, textOfId } from "../components/markup";

type Outcome = { value: AnswerValue | undefined } | { messages: string[] };

function submit(question: Question, raw: unknown): Outcome {
  const result = valueSchemaFor(question).safeParse(raw);
  return result.success ? { value: result.data } : { messages: result.error.issues.map((issue) => issue.message) };
}

const refused = (message: string): Outcome => ({ messages: [message] });

/** Checks the engine's contract: the stored value, validated again, gives itself. */
function expectRoundTrip(question: Question, value: AnswerValue | undefined) {
  expect(submit(question, value)).toEqual({ value });
}

function formOf(fields: Record<string, string>) {
  return { get: (name: string) => fields[name], getAll: (name: string) => (fields[name] === undefined ? [] : [fields[name]!]) };
}

const gazetteer = bundledGazetteer();

/** The addresses a lookup found (none for "none"); fails the test for "unavailable". */
function addressesIn(lookup: AddressLookup | undefined) {
  expect(lookup?.status).not.toBe("unavailable");
  return lookup?.status === "found" ? lookup.addresses : [];
}
const find = async (postcode: string, houseNumber?: string) => addressesIn(await gazetteer.find(postcode, houseNumber));

describe("the bundled gazetteer", () => {
  it("finds every address in a postcode typed in any case and spacing", async () => {
    const exact = await find("DY1 1AA");
    expect(exact.length).toBeGreaterThan(3);
    expect(exact.every((match) => match.postcode === "DY1 1AA")).toBe(true);
    expect(await find("  dy11aa ")).toEqual(exact);
    expect(await find("d y 1 1 a a")).toEqual(exact);
    expect(await gazetteer.find("ZZ9 9ZZ")).toEqual({ status: "none" });
    expect(await gazetteer.find("")).toEqual({ status: "none" });
  });

  it("narrows by house number or name, and ignores one that matches nothing", async () => {
    const twelve = await find("dy1 1aa", "12");
    expect(twelve.map((match) => match.line1)).toEqual(["12 Castle Street"]);
    expect((await find("DY1 1AA", "the old forge")).map((match) => match.line1)).toEqual(["The Old Forge"]);
    // "Flat 1" is not "Flat 10".
    expect((await find("DY1 1AB", "flat 1")).map((match) => match.line1)).toEqual(["Flat 1, Priory Court"]);
    expect(await find("DY1 1AA", "999")).toEqual(await find("DY1 1AA"));
  });

  it("labels each address on one line and finds it again by UPRN", async () => {
    const [flat] = await find("DY1 1AB", "Flat 2");
    expect(flat).toMatchObject({ line1: "Flat 2, Priory Court", line2: "22 Abbey Road", postcode: "DY1 1AB" });
    expect(flat!.uprn).toMatch(/^\d{12}$/);
    expect(flat!.label).toBe(`Flat 2, Priory Court, 22 Abbey Road, ${flat!.town}, DY1 1AB`);
    expect(await gazetteer.byUprn(flat!.uprn)).toEqual({ status: "found", address: flat });
    expect(await gazetteer.byUprn("000000000000")).toEqual({ status: "none" });
  });

  it("holds about 60 addresses with unique 12-digit UPRNs, and is what the app uses by default", async () => {
    const postcodes = ["DY1 1AA", "DY1 1AB", "DY1 2HP", "DY2 7QT", "DY3 4RS", "DY4 9SW", "DY5 1EU", "DY8 3LN"];
    const all = (await Promise.all(postcodes.map((postcode) => find(postcode)))).flat();
    expect(all.length).toBeGreaterThanOrEqual(55);
    expect(new Set(all.map((match) => match.uprn)).size).toBe(all.length);
    expect(await getAddressProvider().find("DY2 7QT")).toEqual(await gazetteer.find("DY2 7QT"));
  });
});

describe("the address question", () => {
  const address: Question = { id: "home", type: "address", label: "Child's home address", isRequired: true };
  const optional: Question = { ...address, isRequired: false };

  it("reads every part posted under the question's name", () => {
    const form = formOf({
      "home-postcode": " dy1 1aa ",
      "home-houseNumber": "12",
      "home-uprn": "",
      "home-line1": "",
      "home-manual": "yes",
    });
    expect(readFormValue(address, form, "home")).toEqual({ postcode: "dy1 1aa", houseNumber: "12", isManual: true });
  });

  it("asks for the address by label when required and blank, and stores nothing when optional", () => {
    expect(submit(address, { postcode: "" })).toEqual(refused("Enter child's home address"));
    expect(submit(address, undefined)).toEqual(refused("Enter child's home address"));
    expect(submit(optional, { postcode: " " })).toEqual({ value: undefined });
    expect(submit(optional, { postcode: "", isManual: true })).toEqual({ value: undefined });
  });

  it("asks for a real postcode, then for a pick from the list", () => {
    expect(submit(address, { postcode: "not a postcode" })).toEqual(refused(POSTCODE_MESSAGE));
    expect(submit(address, { postcode: "", houseNumber: "12" })).toEqual(refused("Enter the postcode"));
    expect(submit(address, { postcode: "dy1 1aa", houseNumber: "12" })).toEqual(refused(ADDRESS_SELECT_MESSAGE));
    // A UPRN never resolved against the gazetteer is not a pick.
    expect(submit(optional, { postcode: "DY1 1AA", uprn: "910001004259" })).toEqual(refused(ADDRESS_SELECT_MESSAGE));
  });

  it("stores a picked address with the gazetteer's lines, and accepts its own output", async () => {
    const [match] = await find("DY1 1AA", "12");
    const raw = readFormValue(address, formOf({ "home-postcode": "dy1 1aa", "home-houseNumber": "12", "home-uprn": match!.uprn }), "home");
    const resolved = await resolveAddressInput(raw, gazetteer);
    const expected = { postcode: "DY1 1AA", houseNumber: "12", uprn: match!.uprn, line1: "12 Castle Street", town: match!.town };
    expect(submit(address, resolved)).toEqual({ value: expected });
    expectRoundTrip(address, expected);
    expect(summariseAnswer(address, expected)).toBe(`12 Castle Street, ${match!.town}, DY1 1AA`);
  });

  it("keeps a flat's second line, and trusts the gazetteer over typed lines", async () => {
    const [flat] = await find("DY1 1AB", "Flat 3");
    const resolved = await resolveAddressInput({ postcode: "DY1 1AB", uprn: flat!.uprn, line1: "Typed over", town: "Elsewhere" }, gazetteer);
    const outcome = submit(address, resolved);
    expect(outcome).toEqual({ value: { postcode: "DY1 1AB", uprn: flat!.uprn, line1: "Flat 3, Priory Court", line2: "22 Abbey Road", town: flat!.town } });
    if ("value" in outcome) expectRoundTrip(address, outcome.value);
  });

  it("blanks a UPRN the gazetteer does not know, so validation asks for a pick", async () => {
    const resolved = await resolveAddressInput({ postcode: "DY1 1AA", uprn: "123456789012" }, gazetteer);
    expect(resolved).toEqual({ postcode: "DY1 1AA", uprn: "" });
    expect(submit(address, resolved)).toEqual(refused(ADDRESS_SELECT_MESSAGE));
    // Manual answers are left as typed.
    const manual = { postcode: "DY1 1AA", uprn: "123456789012", line1: "1 Road", town: "Town", isManual: true };
    expect(await resolveAddressInput(manual, gazetteer)).toBe(manual);
  });

  it("reuses the stored address for the same UPRN without a lookup, so an outage keeps a pick", async () => {
    const down: AddressProvider = { find: async () => ({ status: "unavailable" }), byUprn: async () => ({ status: "unavailable" }) };
    const stored = { postcode: "DY1 1AA", uprn: "910001004222", line1: "12 Castle Street", town: "Hollinbridge" };
    const posted = { postcode: "DY1 1AA", uprn: "910001004222", line1: "Typed over" };
    expect(await resolveAddressInput(posted, down, stored)).toEqual(stored);
    // Another UPRN is looked up; the lookup being down blanks it, so the page asks again.
    expect(await resolveAddressInput({ ...posted, uprn: "910001004259" }, down, stored)).toEqual({ postcode: "DY1 1AA", uprn: "" });
    expect(await resolveAddressInput({ ...posted, uprn: "910001004259" }, gazetteer, stored)).toMatchObject({ uprn: "910001004259", line1: "14 Castle Street" });
  });

  it("checks a manual address field by field, in the order shown", () => {
    const manual = { postcode: "dy9 9zz", line1: " 7 Orchard Way ", line2: "", town: "Lowbridge", isManual: true };
    expect(submit(address, { ...manual, line1: "" })).toEqual(refused("Enter building and street"));
    expect(submit(address, { ...manual, town: "  " })).toEqual(refused("Enter town or city"));
    expect(submit(address, { ...manual, postcode: "" })).toEqual(refused("Enter the postcode"));
    expect(submit(address, { ...manual, postcode: "DY9" })).toEqual(refused(POSTCODE_MESSAGE));
    expect(submit(address, { ...manual, line1: "x".repeat(201) })).toEqual(refused("Building and street must be 200 characters or less"));
  });

  it("stores a manual address normalised, without lookup fields, and accepts its own output", () => {
    const posted = readFormValue(
      address,
      formOf({ "home-manual": "yes", "home-line1": " 7 Orchard Way ", "home-town": "Lowbridge", "home-postcode": "dy99zz", "home-uprn": "910001004037" }),
      "home",
    );
    const expected = { postcode: "DY9 9ZZ", line1: "7 Orchard Way", town: "Lowbridge", isManual: true };
    expect(submit(address, posted)).toEqual({ value: expected });
    expectRoundTrip(address, expected);
    expectRoundTrip(address, { ...expected, line2: "Upper Green" });
    expect(summariseAnswer(address, { ...expected, line2: "Upper Green" })).toBe("7 Orchard Way, Upper Green, Lowbridge, DY9 9ZZ");
  });

  it("offers matches only for a typed postcode with nothing picked and not typing by hand", async () => {
    expect(await addressLookupFor(undefined, gazetteer)).toBeUndefined();
    expect(addressesIn(await addressLookupFor({ postcode: "dy2 7qt" }, gazetteer)).length).toBeGreaterThan(1);
    expect(addressesIn(await addressLookupFor({ postcode: "dy2 7qt", houseNumber: "22" }, gazetteer))).toHaveLength(1);
    expect(await addressLookupFor({ postcode: "ZZ9 9ZZ" }, gazetteer)).toEqual({ status: "none" });
    expect(await addressLookupFor({ postcode: "nonsense" }, gazetteer)).toBeUndefined();
    expect(await addressLookupFor({ postcode: "DY2 7QT", isManual: true }, gazetteer)).toBeUndefined();
    expect(await addressLookupFor({ postcode: "DY2 7QT", uprn: "910004004037", line1: "20 Netherton Road", town: "Ashcombe" }, gazetteer)).toBeUndefined();
  });

  it("switches between finding and typing the address", () => {
    const picked = { postcode: "DY1 1AA", houseNumber: "12", uprn: "910001004259", line1: "12 Castle Street", town: "Hollinbridge" };
    expect(switchToAddressLookup(picked)).toEqual({ postcode: "DY1 1AA", houseNumber: "12" });
    expect(switchToManualAddress(picked)).toEqual({ postcode: "DY1 1AA", line1: "12 Castle Street", town: "Hollinbridge", isManual: true });
    expect(switchToManualAddress({ postcode: "DY1 1AA", houseNumber: "12" })).toEqual({ postcode: "DY1 1AA", line1: "12", isManual: true });
    expect(switchToAddressLookup({ postcode: "DY9 9ZZ", line1: "7 Orchard Way", town: "Lowbridge", isManual: true })).toEqual({ postcode: "DY9 9ZZ" });
    expect(switchToManualAddress(undefined)).toEqual({ postcode: "", isManual: true });
  });
});

describe("the table question", () => {
  const family: Question = {
    id: "family",
    type: "table",
    label: "Family members",
    isRequired: true,
    itemName: "family member",
    maxRows: 3,
    columns: [
      { id: "name", type: "text", label: "Name", isRequired: true },
      {
        id: "relationship",
        type: "select",
        label: "Relationship",
        choices: [
          { value: "parent", label: "Parent" },
          { value: "sibling", label: "Brother or sister" },
        ],
      },
    ],
  };
  const optional: Question = { ...family, isRequired: false };
  const withNone: Question = { ...family, allowNoneOrUnknown: true, itemName: "adult" };

  it("reads each rendered row, keeping blank ones in place so row numbers match the page", () => {
    const form = formOf({
      "family-count": "3",
      "family-0-name": " Sam ",
      "family-0-relationship": "parent",
      "family-1-name": " ",
      "family-2-name": "Alex",
      "family-status": "none",
    });
    expect(readFormValue(family, form, "family")).toEqual({ rows: [{ name: "Sam", relationship: "parent" }, {}, { name: "Alex" }] });
    expect(readFormValue(withNone, form, "family")).toEqual({ rows: [{ name: "Sam", relationship: "parent" }, {}, { name: "Alex" }], status: "none" });
    expect(readFormValue(family, formOf({ "family-count": "9999" }), "family")).toMatchObject({ rows: expect.any(Array) });
    expect((readFormValue(family, formOf({ "family-count": "-4" }), "family") as { rows: unknown[] }).rows).toEqual([]);
  });

  it("drops blank rows from the stored answer and accepts its own output", () => {
    const outcome = submit(family, { rows: [{ name: " Sam ", relationship: "parent" }, { name: "", relationship: "" }, { name: "Alex" }] });
    const expected: TableValue = { rows: [{ name: "Sam", relationship: "parent" }, { name: "Alex" }] };
    expect(outcome).toEqual({ value: expected });
    expectRoundTrip(family, expected);
  });

  it("asks for at least one row when required, and stores nothing when optional", () => {
    expect(submit(family, { rows: [{}, { name: " " }] })).toEqual(refused("Add at least one family member"));
    expect(submit(family, undefined)).toEqual(refused("Add at least one family member"));
    expect(submit(optional, { rows: [{}] })).toEqual({ value: undefined });
    expect(submit(withNone, { rows: [] })).toEqual(refused("Add an adult, or select None or Not known"));
  });

  it("names the row a missing or wrong cell is in, counting rows as shown", () => {
    expect(submit(family, { rows: [{ name: "Sam" }, {}, { relationship: "sibling" }] })).toEqual(refused("Enter the name for family member 3"));
    expect(submit(family, { rows: [{ name: "Sam", relationship: "cousin" }] })).toEqual(refused("Select the relationship for family member 1"));
    expect(submit(family, { rows: [{ name: "x".repeat(501) }] })).toEqual(refused("Name for family member 1 must be 500 characters or less"));
  });

  it("refuses more rows than allowed", () => {
    const four = { rows: [{ name: "A" }, { name: "B" }, { name: "C" }, { name: "D" }] };
    expect(submit(family, four)).toEqual(refused("Remove a family member – you can add up to 3"));
    expectRoundTrip(family, { rows: four.rows.slice(0, 3) });
  });

  it("stores None or Not known without rows, only when the question offers them", () => {
    expect(submit(withNone, { rows: [{ name: "Sam" }], status: "none" })).toEqual({ value: { rows: [], status: "none" } });
    expectRoundTrip(withNone, { rows: [], status: "unknown" });
    expect(submit(withNone, { rows: [{ name: "Sam" }], status: "rows" })).toEqual({ value: { rows: [{ name: "Sam" }] } });
    expect(submit(family, { rows: [], status: "none" })).toEqual(refused("Add at least one family member"));
  });

  it("summarises rows by column label and choice label, or None / Not known", () => {
    expect(summariseAnswer(family, { rows: [{ name: "Sam", relationship: "sibling" }, { name: "Alex" }] })).toBe(
      "Name: Sam, Relationship: Brother or sister; Name: Alex",
    );
    expect(summariseAnswer(withNone, { rows: [], status: "none" })).toBe("None");
    expect(summariseAnswer(withNone, { rows: [], status: "unknown" })).toBe("Not known");
  });

  it("adds and removes rows for the buttons", () => {
    const one = { rows: [{ name: "Sam" }] };
    expect(addTableRow(one)).toEqual({ rows: [{ name: "Sam" }, {}] });
    expect(one).toEqual({ rows: [{ name: "Sam" }] });
    // No rows is drawn as one empty row, so adding shows a second.
    expect(addTableRow(undefined)).toEqual({ rows: [{}, {}] });
    expect(addTableRow({ rows: [], status: "none" })).toEqual({ rows: [{}, {}] });
    expect(addTableRow({ rows: [{}, {}, {}] }, 3)).toEqual({ rows: [{}, {}, {}] });
    expect(removeTableRow({ rows: [{ name: "A" }, { name: "B" }, { name: "C" }] }, 1)).toEqual({ rows: [{ name: "A" }, { name: "C" }] });
    expect(removeTableRow({ rows: [{ name: "A" }], status: "unknown" }, 5)).toEqual({ rows: [{ name: "A" }], status: "unknown" });
    expect(removeTableRow(undefined, 0)).toEqual({ rows: [] });
  });
});

describe("AddressField", () => {
  const question = { id: "home", type: "address", label: "Home address" } as const;
  const field = (props: Partial<Parameters<typeof AddressField>[0]>) =>
    render(createElement(AddressField, { question, name: "home", label: "Home address", value: undefined, ...props }));
  const buttons = (html: string) => allTags(html, "button").map((tag) => `${attribute(tag, "name")}=${attribute(tag, "value")}`);

  it("starts with postcode, house number, Find address and Enter address manually", () => {
    const html = field({ hint: "Where the child lives now", error: "Enter home address" });
    expect(html).toMatch(/<legend[^>]*>Home address<\/legend>/);
    expect(attribute(allTags(html, "fieldset")[0]!, "aria-describedby")).toBe("home-hint home-error");
    expect(textOfId(html, "home-error")).toBe("Error: Enter home address");
    expect(attribute(tagWithId(html, "home-postcode"), "name")).toBe("home-postcode");
    expect(labelText(html, "home-postcode")).toBe("Postcode");
    expect(labelText(html, "home-houseNumber")).toBe("House number or name (optional)");
    expect(buttons(html)).toEqual(["intent=find-address:home", "intent=manual-address:home"]);
    expect(html).not.toContain('name="home-uprn"');
    expect(addressFieldFirstId(undefined, "home")).toBe("home-postcode");
  });

  it("lists the matches to select from, with the count first", async () => {
    const matches = await find("DY1 1AA");
    const html = field({ value: { postcode: "DY1 1AA" }, lookup: { status: "found", addresses: matches } });
    expect(labelText(html, "home-uprn")).toBe("Select an address");
    const options = html.match(/<option[^>]*>[^<]*<\/option>/g) ?? [];
    expect(stripTags(options[0]!)).toBe(`${matches.length} addresses found`);
    expect(options).toHaveLength(matches.length + 1);
    expect(html).toContain(`value="${matches[0]!.uprn}"`);
    expect(attribute(tagWithId(html, "home-postcode"), "value")).toBe("DY1 1AA");
  });

  it("says when a postcode has no addresses", () => {
    expect(stripTags(field({ value: { postcode: "ZZ9 9ZZ" }, lookup: { status: "none" } }))).toContain("No addresses found for ZZ9 9ZZ");
  });

  it("says when addresses cannot be looked up, and offers Enter address manually (a button: no JavaScript needed)", () => {
    const html = field({ value: { postcode: "DY1 1AA" }, lookup: { status: "unavailable" } });
    expect(textOfId(html, "home-unavailable")).toBe(ADDRESS_UNAVAILABLE_MESSAGE);
    expect(stripTags(html)).not.toContain("No addresses found");
    expect(html).not.toContain('name="home-uprn"');
    expect(buttons(html)).toEqual(["intent=find-address:home", "intent=manual-address:home"]);
    // Also beside the message asking for a pick, which is what Next shows then.
    expect(textOfId(field({ value: { postcode: "DY1 1AA" }, lookup: { status: "unavailable" }, error: ADDRESS_SELECT_MESSAGE }), "home-unavailable")).toBe(ADDRESS_UNAVAILABLE_MESSAGE);
  });

  it("shows a picked address with hidden fields and Change address", () => {
    const value = { postcode: "DY1 1AB", uprn: "910002004074", line1: "Flat 2, Priory Court", line2: "22 Abbey Road", town: "Hollinbridge" };
    const html = field({ value });
    expect(stripTags(html)).toContain("Flat 2, Priory Court22 Abbey RoadHollinbridgeDY1 1AB");
    const hidden = allTags(html, "input").filter((tag) => attribute(tag, "type") === "hidden");
    expect(hidden.map((tag) => `${attribute(tag, "name")}=${attribute(tag, "value")}`)).toEqual(["home-postcode=DY1 1AB", "home-uprn=910002004074"]);
    expect(buttons(html)).toEqual(["intent=find-address:home"]);
    expect(textOfId(html, addressFieldFirstId(value, "home"))).toBe("Change address");
  });

  it("types the address by hand, starting at building and street", () => {
    const value = { postcode: "DY9 9ZZ", line1: "7 Orchard Way", isManual: true };
    const html = field({ value });
    expect(addressFieldFirstId(value, "home")).toBe("home-line1");
    expect(labelText(html, "home-line1")).toBe("Building and street");
    expect(attribute(tagWithId(html, "home-line1"), "value")).toBe("7 Orchard Way");
    expect(labelText(html, "home-line2")).toBe("Building and street line 2 (optional)");
    expect(labelText(html, "home-town")).toBe("Town or city");
    expect(labelText(html, "home-postcode")).toBe("Postcode");
    expect(html).toMatch(/<input type="hidden" name="home-manual" value="yes"\/>/);
    expect(buttons(html)).toEqual(["intent=find-address:home"]);
    expect(stripTags(html)).toContain("Find address instead");
  });
});

describe("TableField", () => {
  const question: Extract<Question, { type: "table" }> = {
    id: "adults",
    type: "table",
    label: "Adults in the household",
    itemName: "adult",
    maxRows: 2,
    allowNoneOrUnknown: true,
    columns: [
      { id: "name", type: "text", label: "Full name", isRequired: true },
      { id: "role", type: "select", label: "Role", choices: [{ value: "parent", label: "Parent" }] },
    ],
  };
  const field = (props: Partial<Parameters<typeof TableField>[0]>) =>
    render(createElement(TableField, { question, name: "adults", label: question.label, value: undefined, ...props }));
  const buttonValues = (html: string) => allTags(html, "button").map((tag) => attribute(tag, "value"));

  it("offers None and Not known first, then one empty row to fill in", () => {
    const html = field({ error: "Add an adult, or select None or Not known" });
    expect(tableFieldFirstId(question, "adults")).toBe("adults-status");
    expect(allTags(html, "input").filter((tag) => attribute(tag, "name") === "adults-status").map((tag) => attribute(tag, "value"))).toEqual([
      "rows",
      "none",
      "unknown",
    ]);
    expect(labelText(html, "adults-status-2")).toBe("None");
    expect(labelText(html, "adults-status-3")).toBe("Not known");
    expect(labelText(html, "adults-0-name")).toBe("Full name");
    expect(labelText(html, "adults-0-role")).toBe("Role (optional)");
    expect(html).toMatch(/<legend[^>]*>Adult 1<\/legend>/);
    expect(html).toContain('name="adults-count" value="1"');
    expect(buttonValues(html)).toEqual(["add-row:adults"]);
    expect(textOfId(html, "adults-error")).toBe("Error: Add an adult, or select None or Not known");
  });

  it("draws each row with its values and a Remove button naming it, and stops adding at the limit", () => {
    const html = field({ value: { rows: [{ name: "Sam", role: "parent" }, { name: "Alex" }] } });
    expect(attribute(tagWithId(html, "adults-1-name"), "value")).toBe("Alex");
    expect(html).toMatch(/<option value="parent" selected="">Parent<\/option>/);
    expect(html).toContain('name="adults-count" value="2"');
    expect(buttonValues(html)).toEqual(["remove-row:adults:0", "remove-row:adults:1"]);
    expect(html).toContain('Remove<span class="sr-only"> adult 2</span>');
  });

  it("keeps None selected, and links errors to the first cell when there are no radios", () => {
    const html = field({ value: { rows: [], status: "none" } });
    expect(allTags(html, "input").filter((tag) => tag.includes('checked=""')).map((tag) => attribute(tag, "value"))).toEqual(["none"]);
    const plain = { ...question, allowNoneOrUnknown: false };
    expect(tableFieldFirstId(plain, "adults")).toBe("adults-0-name");
    expect(render(createElement(TableField, { question: plain, name: "adults", label: "Adults", value: undefined }))).not.toContain("adults-status");
  });
});
