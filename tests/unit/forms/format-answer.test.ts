import { describe, expect, it } from "vitest";
import { formatAnswer, formatAnswerLines, formatCompletingAs, formatFiles, formatPeople, NO_FILES, NOT_ANSWERED } from "@/lib/forms/format-answer";
import type { Person, Question } from "@/lib/forms/types";

const base = { id: "q", label: "Question" } as const;
const colours = [
  { value: "red", label: "Red" },
  { value: "green", label: "Green" },
  { value: "blue", label: "Blue" },
];
const people: Person[] = [
  { id: "p1", forename: "Amy", surname: "Smith" },
  { id: "p2", forename: "Ben", surname: "Smith" },
  { id: "p3", forename: "Cal", surname: "Jones" },
];

describe("one answer as text, type by type", () => {
  it("text, long text, email and phone: as typed, line breaks kept", () => {
    expect(formatAnswer({ ...base, type: "text" }, "Riley Referrer")).toBe("Riley Referrer");
    expect(formatAnswer({ ...base, type: "longText" }, "First line\nSecond line")).toBe("First line\nSecond line");
    expect(formatAnswer({ ...base, type: "email" }, "riley@example.com")).toBe("riley@example.com");
    expect(formatAnswer({ ...base, type: "phone" }, "01632 960 001")).toBe("01632 960 001");
  });

  it("a date in words, marked when estimated", () => {
    const date: Question = { ...base, type: "date", allowEstimated: true };
    expect(formatAnswer(date, { day: "5", month: "3", year: "2019" })).toBe("5 March 2019");
    expect(formatAnswer(date, { day: "05", month: "03", year: "2019", isEstimated: true })).toBe("5 March 2019 (estimated)");
  });

  it("single choices (radios, select) by their label, and a value no longer offered as stored", () => {
    expect(formatAnswer({ ...base, type: "radios", choices: colours }, "green")).toBe("Green");
    expect(formatAnswer({ ...base, type: "select", choices: colours }, "blue")).toBe("Blue");
    expect(formatAnswer({ ...base, type: "radios", choices: colours }, "purple")).toBe("purple");
  });

  it("checkboxes as their labels, in a list", () => {
    expect(formatAnswer({ ...base, type: "checkboxes", choices: colours }, ["red", "blue"])).toBe("Red, Blue");
  });

  it("yes/no as Yes or No, and a declaration as Agreed", () => {
    expect(formatAnswer({ ...base, type: "yesNo" }, "yes")).toBe("Yes");
    expect(formatAnswer({ ...base, type: "yesNo" }, "no")).toBe("No");
    expect(formatAnswer({ ...base, type: "declaration", statement: "I confirm the information is correct" }, "yes")).toBe("Agreed");
  });

  it("NHS number in groups of 3, 3 and 4; UPN and postcode as stored", () => {
    expect(formatAnswer({ ...base, type: "nhsNumber" }, "9434765919")).toBe("943 476 5919");
    expect(formatAnswer({ ...base, type: "upn" }, "A123456789012")).toBe("A123456789012");
    expect(formatAnswer({ ...base, type: "postcode" }, "SW1A 2AA")).toBe("SW1A 2AA");
  });

  it("an address as its lines, town and postcode", () => {
    expect(formatAnswer({ ...base, type: "address" }, { postcode: "DY9 9ZZ", line1: "7 Orchard Way", line2: "Upper Green", town: "Lowbridge", isManual: true })).toBe(
      "7 Orchard Way, Upper Green, Lowbridge, DY9 9ZZ",
    );
  });

  it("a table as its rows, each cell named by its column, choices by label; None and Not known", () => {
    const family: Question = {
      ...base,
      type: "table",
      itemName: "family member",
      allowNoneOrUnknown: true,
      columns: [
        { id: "name", label: "Name", type: "text" },
        { id: "relationship", label: "Relationship", type: "select", choices: [{ value: "sibling", label: "Brother or sister" }] },
      ],
    };
    expect(formatAnswer(family, { rows: [{ name: "Sam", relationship: "sibling" }, { name: "Alex" }] })).toBe("Name: Sam, Relationship: Brother or sister; Name: Alex");
    expect(formatAnswer(family, { rows: [], status: "none" })).toBe("None");
    expect(formatAnswer(family, { rows: [], status: "unknown" })).toBe("Not known");
  });

  it("anything blank as Not answered", () => {
    expect(formatAnswer({ ...base, type: "text" }, undefined)).toBe(NOT_ANSWERED);
    expect(formatAnswer({ ...base, type: "text" }, "  ")).toBe(NOT_ANSWERED);
    expect(formatAnswer({ ...base, type: "checkboxes", choices: colours }, [])).toBe(NOT_ANSWERED);
    expect(formatAnswer({ ...base, type: "date" }, { day: "", month: "", year: "" })).toBe(NOT_ANSWERED);
  });
});

describe("a question's answer as lines", () => {
  const gender: Question = { ...base, type: "radios", choices: [{ value: "female", label: "Female" }, { value: "male", label: "Male" }], isPerPerson: true };

  it("one line for one answer, or a per-person answer everybody shares", () => {
    expect(formatAnswerLines(gender, "female", people)).toEqual(["Female"]);
    expect(formatAnswerLines(gender, { groups: [{ personIds: ["p1", "p2", "p3"], value: "male" }] }, people)).toEqual(["Male"]);
  });

  it("a line per group of people, named by forename, where their answers differ", () => {
    const answer = { groups: [{ personIds: ["p1", "p3"], value: "female" }, { personIds: ["p2"], value: "male" }, { personIds: ["gone"], value: "" }] };
    expect(formatAnswerLines(gender, answer, people)).toEqual(["Amy, Cal: Female", "Ben: Male", `Unknown person: ${NOT_ANSWERED}`]);
  });

  it("a file question: the attached files by name, or No documents attached", () => {
    const files: Question = { ...base, type: "file" };
    expect(formatAnswerLines(files, undefined, people, [{ fileName: "chronology.pdf", sizeBytes: 100 }, { fileName: "notes.docx", sizeBytes: 200 }])).toEqual(["chronology.pdf", "notes.docx"]);
    expect(formatAnswerLines(files, undefined, people)).toEqual([NO_FILES]);
    expect(formatFiles([])).toEqual([NO_FILES]);
  });
});

describe("who the form is about", () => {
  it("the people by full name, and who is completing it by the choice's label", () => {
    expect(formatPeople(people.slice(0, 2))).toBe("Amy Smith, Ben Smith");
    expect(formatPeople([])).toBe(NOT_ANSWERED);
    expect(formatCompletingAs({ completingAs: "professional" })).toBe("Professional");
    expect(formatCompletingAs({})).toBe(NOT_ANSWERED);
  });
});
