/**
 * The JSON Schema generated from a form definition (lib/delivery/json-schema.ts): each question
 * type maps to its value shape, per-person questions are allowed only under a person and the
 * others only at form level, and every form the portal offers gives a schema that ajv compiles
 * in strict mode.
 */
import { describe, expect, it } from "vitest";
import { valueShapeFor } from "@/lib/delivery/answer-schemas";
import { jsonSchemaFor } from "@/lib/delivery/json-schema";
import { allForms } from "@/lib/forms/catalogue";
import { loadDefinition } from "@/lib/forms/load-definition";
import type { FormDefinition } from "@/lib/forms/types";
import { describeErrors, documentValidator, newAjv } from "@/tests/support/document-schema";

const choices = [
  { value: "school", label: "School" },
  { value: "gp", label: "GP" },
];

const form: FormDefinition = loadDefinition({
  id: "schema-test",
  version: 3,
  title: "Schema test",
  summary: "Every question type.",
  service: "social-care",
  team: "social-care",
  audiences: ["professional"],
  sections: [
    {
      id: "child",
      title: "Child",
      questions: [
        { id: "dateOfBirth", type: "date", label: "Date of birth", isPerPerson: true, allowEstimated: true },
        { id: "gender", type: "radios", label: "Gender of {names}", isPerPerson: true, choices },
        { id: "nhsNumber", type: "nhsNumber", label: "NHS number", isPerPerson: true },
      ],
    },
    {
      id: "details",
      title: "Details",
      questions: [
        { id: "referrerName", type: "text", label: "Your name", maxLength: 80 },
        { id: "concerns", type: "longText", label: "Concerns" },
        { id: "email", type: "email", label: "Email" },
        { id: "phone", type: "phone", label: "Phone" },
        { id: "incidentDate", type: "date", label: "Date of the incident" },
        { id: "agency", type: "select", label: "Agency", choices },
        { id: "services", type: "checkboxes", label: "Services", choices },
        { id: "hasConsent", type: "yesNo", label: "Consent?" },
        { id: "upn", type: "upn", label: "UPN" },
        { id: "postcode", type: "postcode", label: "Postcode" },
        { id: "home", type: "address", label: "Home address" },
        {
          id: "family",
          type: "table",
          label: "Family",
          itemName: "person",
          maxRows: 4,
          allowNoneOrUnknown: true,
          columns: [
            { id: "name", label: "Name", type: "text", isRequired: true },
            { id: "relationship", label: "Relationship", type: "select", choices },
          ],
        },
        { id: "documents", type: "file", label: "Supporting documents" },
        { id: "declaration", type: "declaration", label: "Declaration", statement: "I agree" },
      ],
    },
  ],
});

const questionOf = (id: string) => form.sections.flatMap((section) => section.questions).find((question) => question.id === id)!;
const shapeOf = (id: string) => {
  const question = questionOf(id);
  if (question.type === "file") throw new Error("a file question has no value");
  return valueShapeFor(question);
};

const answer = (questionId: string, value: unknown, text = "shown") => ({ questionId, label: "A label", value, text });

function aDocument(overrides: Record<string, unknown> = {}) {
  return {
    documentVersion: 1,
    schemaUrl: "http://localhost:3000/api/v1/schemas/schema-test/3.json",
    reference: "CP-ACDE-FGHJ-V2",
    version: 2,
    previousReference: "CP-ACDE-FGHJ",
    form: { id: "schema-test", version: 3, title: "Schema test" },
    team: "social-care",
    sentAt: "2028-03-01T09:00:00.000Z",
    referrer: { forename: "Sam", surname: "Sender", email: "sam@school.example", isProfessional: true, organisation: "School", jobRole: "DSL", completingAs: "professional", address: null },
    people: [
      { id: "p1", forename: "Amy", surname: "Smith", dateOfBirth: "2019-03-05", answers: [{ ...answer("dateOfBirth", "2019-03-05"), isEstimated: true }, answer("gender", "gp")] },
      { id: "p2", forename: "Ben", surname: "Smith", answers: [answer("nhsNumber", "9990000018")] },
    ],
    answers: [
      answer("referrerName", "Sam Sender"),
      answer("services", ["school", "gp"]),
      answer("incidentDate", "2028-02-28"),
      answer("home", { postcode: "DY1 1AA", uprn: "1", line1: "1 High Street", town: "Dudley" }),
      answer("family", { rows: [{ name: "Jo", relationship: "school" }] }),
      answer("declaration", "yes"),
    ],
    files: [{ id: "5b0f7a52-2a4f-4f8e-9a53-3c1b7c6f0e11", name: "letter.pdf", contentType: "application/pdf", sizeBytes: 10, sha256: "a".repeat(64), downloadUrl: "http://localhost:3000/api/v1/submissions/CP-ACDE-FGHJ-V2/files/5b0f7a52-2a4f-4f8e-9a53-3c1b7c6f0e11" }],
    ...overrides,
  };
}

describe("jsonSchemaFor", () => {
  it("gives each question type its value shape", () => {
    expect(shapeOf("referrerName")).toEqual({ type: "string", minLength: 1, maxLength: 80 });
    expect(shapeOf("concerns")).toMatchObject({ type: "string", maxLength: 5000 });
    expect(shapeOf("email")).toMatchObject({ type: "string", format: "email" });
    expect(shapeOf("incidentDate")).toMatchObject({ type: "string", format: "date" });
    expect(shapeOf("agency")).toEqual({ type: "string", enum: ["school", "gp"] });
    expect(shapeOf("services")).toEqual({ type: "array", items: { type: "string", enum: ["school", "gp"] }, minItems: 1, uniqueItems: true });
    expect(shapeOf("hasConsent")).toEqual({ type: "string", enum: ["yes", "no"] });
    expect(shapeOf("declaration")).toMatchObject({ const: "yes" });
    expect(shapeOf("home")).toMatchObject({ type: "object", required: ["postcode"], additionalProperties: false });
    expect(shapeOf("family")).toMatchObject({
      type: "object",
      properties: { rows: { type: "array", maxItems: 4, items: { required: ["name"], properties: { relationship: { enum: ["school", "gp"] } } } }, status: { enum: ["none", "unknown"] } },
    });
    const schema = jsonSchemaFor(form, { appUrl: "https://portal.example/" });
    expect(schema.$id).toBe("https://portal.example/api/v1/schemas/schema-test/3.json");
    // A file question has no answer: the files are listed under `files`.
    expect(Object.keys(schema.$defs as object)).not.toContain("answer.documents");
  });

  it("accepts a document of the form, and refuses answers the form cannot carry", () => {
    const { errorsOf } = documentValidator(form);
    expect(describeErrors(errorsOf(aDocument()))).toEqual([]);

    const refused = (overrides: Record<string, unknown>) => errorsOf(aDocument(overrides)).length > 0;
    const base = aDocument();
    expect(refused({ answers: [answer("unknownQuestion", "x")] })).toBe(true);
    expect(refused({ answers: [answer("services", ["school", "library"])] })).toBe(true);
    expect(refused({ answers: [answer("incidentDate", "28/02/2028")] })).toBe(true);
    // Estimated only where the question allows it.
    expect(refused({ answers: [{ ...answer("incidentDate", "2028-02-28"), isEstimated: true }] })).toBe(true);
    // A per-person question is answered under a person, a form-level one at form level.
    expect(refused({ answers: [answer("gender", "gp")] })).toBe(true);
    expect(refused({ people: [{ ...base.people[0]!, answers: [answer("referrerName", "Sam")] }] })).toBe(true);
    expect(refused({ people: [] })).toBe(true);
    expect(refused({ reference: "CP-0000-0000" })).toBe(true);
    expect(refused({ sentAt: "yesterday" })).toBe(true);
    expect(refused({ form: { id: "schema-test", version: 2, title: "Schema test" } })).toBe(true);
    expect(refused({ referrer: { ...base.referrer, completingAs: "parent" } })).toBe(true);
    expect(refused({ answers: [answer("home", { postcode: "DY1 1AA", county: "West Midlands" })] })).toBe(true);
    expect(refused({ answers: [answer("family", { rows: [{ relationship: "gp" }] })] })).toBe(true);
    expect(refused({ extra: true })).toBe(true);
  });

  it("compiles in strict mode for every form the portal offers", () => {
    for (const definition of allForms()) {
      expect(() => newAjv().compile(jsonSchemaFor(definition)), definition.id).not.toThrow();
    }
  });
});
