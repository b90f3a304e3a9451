import { describe, expect, it } from "vitest";
import { returnToOf } from "@/app/_actions/return-to";
import { typedValues } from "@/app/_forms/form-state";
import { allValues, formFields, postedEntries } from "@/lib/posted-fields";

const CASE_ID = "0b9f6c2e-6a8d-4a57-9a55-3f1f0d7f3c11";

function post(entries: [string, string | File][]): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

describe("the posted fields an action is given instead of the FormData", () => {
  const posted = formFields(
    post([
      ["$ACTION_ID_abc", ""],
      ["caseId", CASE_ID],
      ["concern", "first"],
      ["concern", "second"],
      ["password", "Secret-1234567"],
      ["upload", new File(["%PDF-1.4"], "report.pdf")],
    ]),
  );

  it("are one value per name, an array for a repeated name, without Next's own fields", () => {
    expect(Object.keys(posted)).toEqual(["caseId", "concern", "password", "upload"]);
    expect(posted.caseId).toBe(CASE_ID);
    expect(allValues(posted, "concern")).toEqual(["first", "second"]);
    expect(allValues(posted, "missing")).toEqual([]);
    expect(postedEntries(posted).map(([name]) => name)).toEqual(["caseId", "concern", "concern", "password", "upload"]);
  });

  it("cannot be changed by the action", () => {
    expect(Object.isFrozen(posted)).toBe(true);
    expect(Object.isFrozen(posted.concern)).toBe(true);
  });

  it("echo back the text typed, without what is omitted, files or Next's fields", () => {
    expect(typedValues(posted, ["password"])).toEqual({ caseId: CASE_ID, concern: "second" });
  });
});

describe("where sign-in comes back to", () => {
  const toCase = { field: "caseId", path: (id: string) => `/staff/send/${id}`, otherwise: "/staff/send" };

  it("is a fixed page, or /account when the action names none", () => {
    expect(returnToOf("/staff/admin", {})).toBe("/staff/admin");
    expect(returnToOf(undefined, {})).toBe("/account");
  });

  it("is the page of the posted id when it is a UUID", () => {
    expect(returnToOf(toCase, { caseId: CASE_ID })).toBe(`/staff/send/${CASE_ID}`);
  });

  it("is the other page for a missing, repeated or malformed id, never a path built from it", () => {
    expect(returnToOf(toCase, {})).toBe("/staff/send");
    expect(returnToOf(toCase, { caseId: [CASE_ID, CASE_ID] })).toBe("/staff/send");
    expect(returnToOf(toCase, { caseId: "../../account/update" })).toBe("/staff/send");
    expect(returnToOf({ field: "caseId", path: (id) => `/send/${id}` }, { caseId: "x" })).toBe("/account");
  });

  it("takes another kind of id when the action says what it may be", () => {
    const toForm = { field: "formId", isId: (id: string) => id === "safeguarding", path: (id: string) => `/forms/${id}/continue`, otherwise: "/" };
    expect(returnToOf(toForm, { formId: "safeguarding" })).toBe("/forms/safeguarding/continue");
    expect(returnToOf(toForm, { formId: "other" })).toBe("/");
  });
});
