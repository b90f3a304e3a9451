import { describe, expect, it } from "vitest";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { loadDefinition } from "@/lib/forms/load-definition";
import { nextSection } from "@/lib/forms/journey";
import { singleGroup, splitOut } from "@/lib/forms/per-person";
import { NOT_ANSWERED, summariseForm } from "@/lib/forms/summary";
import type { Person } from "@/lib/forms/types";

const people: Person[] = [
  { id: "p1", forename: "Amy", surname: "Smith" },
  { id: "p2", forename: "Ben", surname: "Smith" },
];

describe("the Safeguarding Concern definition", () => {
  it("passes the engine's checks when loaded", () => {
    expect(loadDefinition(safeguardingConcern).sections.map((s) => s.title)).toEqual([
      "Overview",
      "Professional's Details",
      "Child / Young Person's Details",
      "Consent",
      "Additional Child / Young Person's Information",
      "Contact Information",
      "Supporting Documentation",
      "Declaration & Submit",
    ]);
  });

  it("asks why consent was not given only when it was not", () => {
    const consent = (answer: string) =>
      summariseForm(safeguardingConcern, { consentGiven: answer }, people)
        .find((s) => s.sectionId === "consent")!
        .rows.map((r) => r.questionId);
    expect(consent("yes")).toEqual(["consentGiven"]);
    expect(consent("notSought")).toEqual(["consentGiven", "consentReason"]);
  });

  it("summarises a per-person answer by person once it is split, and as one answer before", () => {
    const together = singleGroup(people, { day: "05", month: "03", year: "2019" });
    const apart = splitOut(together, "p2", { day: "11", month: "12", year: "2016", isEstimated: true });
    const row = (answers: Parameters<typeof summariseForm>[1]) =>
      summariseForm(safeguardingConcern, answers, people)
        .find((s) => s.sectionId === "child-details")!
        .rows.find((r) => r.questionId === "dateOfBirth")!.lines;
    expect(row({ dateOfBirth: together })).toEqual(["5 March 2019"]);
    expect(row({ dateOfBirth: apart })).toEqual(["Amy: 5 March 2019", "Ben: 11 December 2016 (estimated)"]);
    expect(row({})).toEqual([NOT_ANSWERED]);
  });

  it("walks from the overview to the professional's details", () => {
    expect(nextSection(safeguardingConcern, {}, "overview")).toBe("professional-details");
  });
});
