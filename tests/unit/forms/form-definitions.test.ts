/**
 * The four referral and request forms drawn from the councils' guides (guides 001 and 003):
 * each loads, opens with a guidance-only Overview and closes with Declaration & Submit, asks
 * about the children per person, and the Early Help Assessment follows guide 003's eleven
 * sections with its conditional Participation Team and SEND Information sections.
 */
import { describe, expect, it } from "vitest";
import { allForms, assignableSendForms, formsFor, startableFormById } from "@/lib/forms/catalogue";
import { earlyHelpAssessment } from "@/lib/forms/definitions/early-help-assessment";
import { earlyHelpFamilySupport } from "@/lib/forms/definitions/early-help-family-support";
import { ladoReferral } from "@/lib/forms/definitions/lado-referral";
import { multiAgencyReferral } from "@/lib/forms/definitions/multi-agency-referral";
import { answersOnJourney, sectionStates, visibleQuestions } from "@/lib/forms/journey";
import { loadDefinition } from "@/lib/forms/load-definition";
import { summariseForm } from "@/lib/forms/summary";
import type { Answers, FormDefinition, Person } from "@/lib/forms/types";

const people: Person[] = [
  { id: "p1", forename: "Amy", surname: "Smith" },
  { id: "p2", forename: "Ben", surname: "Smith" },
];

const forms: [string, FormDefinition, Pick<FormDefinition, "service" | "audiences">][] = [
  ["Multi Agency Referral Form", multiAgencyReferral, { service: "social-care", audiences: ["professional"] }],
  ["External Early Help Assessment", earlyHelpAssessment, { service: "early-help", audiences: ["professional"] }],
  ["LADO referral", ladoReferral, { service: "lado", audiences: ["professional"] }],
  ["Early Help Family Support request", earlyHelpFamilySupport, { service: "early-help", audiences: ["parent", "young-person"] }],
];

describe.each(forms)("the %s definition", (title, definition, expected) => {
  const loaded = loadDefinition(definition);
  const questions = loaded.sections.flatMap((section) => section.questions);

  it("loads, with its title, service, audiences and version 1", () => {
    expect(loaded.title).toBe(title);
    expect(loaded.version).toBe(1);
    expect(loaded.service).toBe(expected.service);
    expect(loaded.audiences).toEqual(expected.audiences);
    expect(loaded.summary.length).toBeGreaterThan(20);
  });

  it("opens with a guidance-only Overview", () => {
    const first = loaded.sections[0]!;
    expect([first.id, first.title, first.questions]).toEqual(["overview", "Overview", []]);
    expect(first.description).toMatch(/call 999/);
  });

  it("closes with Declaration & Submit holding one required declaration", () => {
    const last = loaded.sections.at(-1)!;
    expect([last.id, last.title]).toEqual(["declaration", "Declaration & Submit"]);
    expect(last.questions).toHaveLength(1);
    expect(last.questions[0]).toMatchObject({ id: "declarationAgreed", type: "declaration", isRequired: true });
  });

  it("asks at least the date of birth per person", () => {
    expect(questions.some((question) => question.isPerPerson === true)).toBe(true);
    expect(questions.find((question) => question.id === "dateOfBirth")).toMatchObject({ type: "date", isPerPerson: true, allowEstimated: true });
  });

  it("names people ({names}) only in questions answered per person", () => {
    const named = questions.filter((question) => question.label.includes("{names}"));
    expect(named.filter((question) => question.isPerPerson !== true).map((question) => question.id)).toEqual([]);
  });

  it("takes supporting documents from professionals only, in a Supporting Documentation section", () => {
    const documents = loaded.sections.find((section) => section.id === "supporting-documentation");
    if (!loaded.audiences.includes("professional")) {
      expect(documents).toBeUndefined();
      return;
    }
    expect(documents?.questions.map((question) => question.type)).toEqual(["file"]);
    expect(documents?.showIf).toEqual({ question: "completingAs", equals: "professional" });
  });
});

describe("the catalogue", () => {
  it("offers the forms in order", () => {
    expect(allForms().map((form) => form.id)).toEqual([
      "multi-agency-referral",
      "early-help-assessment",
      "safeguarding-concern",
      "lado-referral",
      "early-help-family-support",
      "parental-preference",
      "about-my-child",
    ]);
  });

  it("keeps the forms the SEND team assigns off the home page and their start pages", () => {
    const tiles = (["professional", "parent", "young-person"] as const).flatMap((audience) => formsFor(audience).map((form) => form.id));
    expect(tiles).not.toContain("parental-preference");
    expect(tiles).not.toContain("about-my-child");
    expect(startableFormById("parental-preference")).toBeUndefined();
    expect(startableFormById("safeguarding-concern")?.id).toBe("safeguarding-concern");
    expect(assignableSendForms().map((form) => form.id)).toEqual(["parental-preference", "about-my-child"]);
  });
});

describe("the External Early Help Assessment", () => {
  const shown = (answers: Answers) =>
    sectionStates(earlyHelpAssessment, answers, () => true)
      .filter((status) => status.isShown)
      .map((status) => status.section.id);

  it("follows guide 003's eleven sections in order, after the Overview", () => {
    const titles = earlyHelpAssessment.sections.map((section) => section.title);
    expect(titles[0]).toBe("Overview");
    // Guide 003, 5.1 to 5.11; 5.10 "Upload Documents" is Supporting Documentation, and 5.11
    // "Submit Referral" is every form's Declaration & Submit.
    expect(titles.slice(1)).toEqual([
      "Referrer and Child Details",
      "Relationships and the Wider Family Details",
      "Request for Support",
      "Consent",
      "Additional Details",
      "Participation Team",
      "SEND Information",
      "Services",
      "The Child and their Family's Assessment",
      "Supporting Documentation",
      "Declaration & Submit",
    ]);
    const documents = earlyHelpAssessment.sections.find((section) => section.id === "supporting-documentation")!;
    expect(documents.questions.map((question) => question.type)).toEqual(["file"]);
    expect(documents.description).toMatch(/consent/);
  });

  it("offers the kinds of referral guide 003 lists in Request for Support", () => {
    const supportRequested = earlyHelpAssessment.sections.flatMap((s) => s.questions).find((q) => q.id === "supportRequested")!;
    expect(supportRequested.type).toBe("checkboxes");
    const values = "choices" in supportRequested ? supportRequested.choices.map((choice) => choice.value) : [];
    expect(values).toEqual(expect.arrayContaining(["participation", "send", "earlyHealthNotification", "portage", "socialCare", "targetedProgrammes"]));
  });

  it("shows SEND Information only when SEND support (or an Early Health Notification) is requested", () => {
    expect(shown({})).not.toContain("send-information");
    expect(shown({ supportRequested: ["participation", "portage"] })).not.toContain("send-information");
    expect(shown({ supportRequested: ["send"] })).toContain("send-information");
    expect(shown({ supportRequested: ["earlyHealthNotification"] })).toContain("send-information");
  });

  it("shows the Participation Team section only when the Participation Team is requested", () => {
    expect(shown({})).not.toContain("participation-team");
    expect(shown({ supportRequested: ["send"] })).not.toContain("participation-team");
    expect(shown({ supportRequested: ["send", "participation"] })).toEqual(expect.arrayContaining(["participation-team", "send-information"]));
  });

  it("leaves the hidden sections out of the summary", () => {
    const summarised = (answers: Answers) => summariseForm(earlyHelpAssessment, answers, people).map((section) => section.sectionId);
    expect(summarised({ supportRequested: ["socialCare"] })).not.toContain("send-information");
    expect(summarised({ supportRequested: ["socialCare"] })).not.toContain("participation-team");
    expect(summarised({ supportRequested: ["send"] })).toContain("send-information");
  });

  it("asks about attendance or a child missing from education as chosen in the Participation Team section", () => {
    const section = earlyHelpAssessment.sections.find((s) => s.id === "participation-team")!;
    const ids = (answers: Answers) =>
      visibleQuestions(section, answersOnJourney(earlyHelpAssessment, { supportRequested: ["participation"], ...answers })).map((q) => q.id);
    expect(ids({ participationSupport: ["attendance"] })).toContain("attendanceLettersSent");
    expect(ids({ participationSupport: ["attendance"] })).not.toContain("dateLastAttended");
    expect(ids({ participationSupport: ["missingEducation"] })).toContain("dateLastAttended");
  });
});

describe("the Early Help Family Support request", () => {
  const aboutYou = (completingAs: string) => {
    const section = earlyHelpFamilySupport.sections.find((s) => s.id === "about-you")!;
    return visibleQuestions(section, answersOnJourney(earlyHelpFamilySupport, { completingAs })).map((q) => q.id);
  };

  it("asks a parent their relationship to the children, and a young person whether their parent knows", () => {
    expect(aboutYou("parent")).toContain("relationshipToChildren");
    expect(aboutYou("parent")).not.toContain("parentKnows");
    expect(aboutYou("young-person")).toContain("parentKnows");
    expect(aboutYou("young-person")).not.toContain("relationshipToChildren");
  });
});

describe("the Multi Agency Referral Form", () => {
  it("asks where the children who do not live at the home address live", () => {
    const section = multiAgencyReferral.sections.find((s) => s.id === "address")!;
    const ids = (answers: Answers) => visibleQuestions(section, answersOnJourney(multiAgencyReferral, answers)).map((q) => q.id);
    expect(ids({ livesAtAddress: "yes" })).not.toContain("otherAddresses");
    expect(ids({ livesAtAddress: { groups: [{ personIds: ["p1"], value: "yes" }, { personIds: ["p2"], value: "no" }] } })).toContain("otherAddresses");
  });
});
