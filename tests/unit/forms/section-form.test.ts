import { describe, expect, it } from "vitest";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { sectionStates } from "@/lib/forms/journey";
import { checkPeople, readPersonRows } from "@/lib/forms/people";
import { joinNames, personalise } from "@/lib/forms/personalise";
import type { FormReader } from "@/lib/forms/question-types";
import { PEOPLE_CHANGED_MESSAGE, readSection, sectionValidator, sectionView, typedValue } from "@/lib/forms/section-form";
import { applyPageChange, parseIntent } from "@/lib/forms/section-intents";
import type { Answers, Person, Section } from "@/lib/forms/types";

const people: Person[] = [
  { id: "p1", forename: "Amy", surname: "Smith" },
  { id: "p2", forename: "Ben", surname: "Smith" },
];
const section = (id: string): Section => safeguardingConcern.sections.find((candidate) => candidate.id === id)!;

/** A posted page: single values, or lists for checkboxes. */
function posted(fields: Record<string, string | string[]>): FormReader {
  return {
    get: (name) => {
      const value = fields[name];
      return Array.isArray(value) ? value[0] : value;
    },
    getAll: (name) => {
      const value = fields[name];
      return value === undefined ? [] : Array.isArray(value) ? value : [value];
    },
  };
}

const read = (sectionId: string, fields: Record<string, string | string[]>, answers: Answers = {}) =>
  readSection({ definition: safeguardingConcern, section: section(sectionId), people, answers, form: posted(fields) });

describe("reading a posted section", () => {
  it("stores valid answers normalised and reports nothing", async () => {
    const result = await read("contact-information", { parentName: " Jo Smith ", parentPhone: "+44 7700 900 123", safeToContact: "yes" });
    expect(result.errors).toEqual({});
    expect(result.answers).toMatchObject({ parentName: "Jo Smith", safeToContact: "yes" });
    expect(result.answers.parentPhone).not.toContain(" 900 123 ");
  });

  it("keeps what was typed when a check fails, with the message beside that field", async () => {
    const result = await read("contact-information", { parentEmail: "not an email", safeToContact: "" });
    expect(result.answers.parentEmail).toBe("not an email");
    expect(Object.keys(result.errors).sort()).toEqual(["parentEmail", "safeToContact"]);
  });

  it("keeps other sections' answers and drops an answer cleared on this page", async () => {
    const result = await read("contact-information", { parentName: "", safeToContact: "no" }, { parentName: "Old", referrerName: "Riley" });
    expect(result.answers.parentName).toBeUndefined();
    expect(result.answers.referrerName).toBe("Riley");
  });

  it("reads a per-person question group by group, messages naming the group's people", async () => {
    const fields = {
      dateOfBirth__count: "2",
      dateOfBirth__0__people: "p1",
      "dateOfBirth__0-day": "5",
      "dateOfBirth__0-month": "3",
      "dateOfBirth__0-year": "2019",
      dateOfBirth__1__people: "p2",
      "dateOfBirth__1-day": "",
      "dateOfBirth__1-month": "",
      "dateOfBirth__1-year": "",
      homePostcode: "DY1 1AA",
    };
    const result = await read("child-details", fields);
    expect(result.answers.dateOfBirth).toEqual({
      groups: [
        { personIds: ["p1"], value: { day: "05", month: "03", year: "2019" } },
        { personIds: ["p2"], value: { day: "", month: "", year: "" } },
      ],
    });
    expect(Object.keys(result.errors)).toEqual(["dateOfBirth__1"]);
  });

  it("refuses groups posted from an older split of the people instead of answering for the wrong child", async () => {
    const result = await read("child-details", { dateOfBirth__count: "1", dateOfBirth__0__people: "p1", homePostcode: "DY1 1AA" }, {});
    expect(result.answers.dateOfBirth).toBeUndefined();
    expect(result.errors.dateOfBirth__0).toBe(PEOPLE_CHANGED_MESSAGE);
  });

  it("does not hold the page back on a question the new answers hide", async () => {
    const result = await read("consent", { consentGiven: "yes", consentReason: "" });
    expect(result.errors).toEqual({});
    const refused = await read("consent", { consentGiven: "no", consentReason: "" });
    expect(Object.keys(refused.errors)).toEqual(["consentReason"]);
  });
});

describe("drawing a section", () => {
  it("gives a per-person question one field per group, labelled with the group's names", () => {
    const views = sectionView(safeguardingConcern, section("child-details"), people, {
      dateOfBirth: { groups: [{ personIds: ["p1", "p2"], value: "" }] },
    });
    const dateOfBirth = views.find((view) => view.question.id === "dateOfBirth")!;
    expect(dateOfBirth.groups.map((group) => [group.name, group.personIds])).toEqual([["dateOfBirth__0", ["p1", "p2"]]]);
  });

  it("marks a question that depends on an answer on the same page as live, shown only when that answer holds", () => {
    const views = (consentGiven: string) => sectionView(safeguardingConcern, section("consent"), people, { consentGiven });
    const reason = (answer: string) => views(answer).find((view) => view.question.id === "consentReason")!;
    expect(reason("yes").liveCondition).toBeDefined();
    expect(reason("yes").isShown).toBe(false);
    expect(reason("no").isShown).toBe(true);
  });
});

describe("whether a stored section is complete", () => {
  it("re-checks stored answers: a section saved with a bad answer stays in progress", () => {
    const answers: Answers = { parentEmail: "not an email", safeToContact: "yes" };
    const states = sectionStates(safeguardingConcern, answers, sectionValidator(safeguardingConcern, answers, people));
    expect(states.find((status) => status.section.id === "contact-information")!.state).toBe("in-progress");
    const fixed: Answers = { ...answers, parentEmail: "jo@example.com" };
    const fixedStates = sectionStates(safeguardingConcern, fixed, sectionValidator(safeguardingConcern, fixed, people));
    expect(fixedStates.find((status) => status.section.id === "contact-information")!.state).toBe("complete");
  });
});

describe("page changes", () => {
  it("parses the buttons' intents, and treats anything unknown as Next", () => {
    expect(parseIntent("split:gender:p2")).toEqual({ kind: "change", change: { kind: "split", questionId: "gender", personId: "p2" } });
    expect(parseIntent("remove-row:family:1")).toEqual({ kind: "change", change: { kind: "remove-row", questionId: "family", index: 1 } });
    expect(parseIntent("goto:consent")).toEqual({ kind: "goto", sectionId: "consent" });
    expect(parseIntent("send-confirmed")).toEqual({ kind: "send-confirmed" });
    expect(parseIntent("rm -rf")).toEqual({ kind: "next" });
    expect(parseIntent(undefined)).toEqual({ kind: "next" });
  });

  it("splits a person out and includes them back", () => {
    const answers: Answers = { gender: { groups: [{ personIds: ["p1", "p2"], value: "female" }] } };
    const split = applyPageChange({ kind: "split", questionId: "gender", personId: "p2" }, section("child-details"), people, answers);
    expect(split.gender).toEqual({ groups: [{ personIds: ["p1"], value: "female" }, { personIds: ["p2"], value: "female" }] });
    const back = applyPageChange({ kind: "include", questionId: "gender", personId: "p2" }, section("child-details"), people, split);
    expect(back.gender).toEqual({ groups: [{ personIds: ["p1", "p2"], value: "female" }] });
  });

  it("ignores a change naming a question of another section, or a person not on the form", () => {
    const answers: Answers = { gender: "female" };
    expect(applyPageChange({ kind: "split", questionId: "gender", personId: "p2" }, section("consent"), people, answers)).toBe(answers);
    expect(applyPageChange({ kind: "split", questionId: "gender", personId: "stranger" }, section("child-details"), people, answers)).toBe(answers);
  });
});

describe("what was typed", () => {
  it("keeps strings, lists and parts, and drops anything else a tampered post carries", () => {
    expect(typedValue(" x ")).toBe("x");
    expect(typedValue(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(typedValue({ day: "1", month: "2", year: "x", extra: { deep: { deeper: { deepest: { gone: "y" } } } } })).toEqual({
      day: "1",
      month: "2",
      year: "x",
      extra: { deep: { deeper: {} } },
    });
    expect(typedValue(42)).toBeUndefined();
  });
});

describe("who is this about", () => {
  it("reads rows, ignores blank ones and names the half-filled one", () => {
    const rows = readPersonRows(posted({ "person-count": "3", "person-0-forename": "Amy", "person-0-surname": "Smith", "person-2-forename": "Cal" }));
    const { people: found, errors } = checkPeople(rows);
    expect(found).toEqual([]);
    expect(errors).toEqual({ "person-2-surname": "Enter the last name of person 3" });
  });

  it("asks for at least one person, and keeps only ids already on the form", () => {
    expect(checkPeople([{ id: "", forename: "", surname: "" }]).errors).toEqual({ "person-0-forename": "Enter the name of at least one person this form is about" });
    const { people: found } = checkPeople(
      [
        { id: "p1", forename: "Amy", surname: "Smith" },
        { id: "someone-elses", forename: "Ben", surname: "Smith" },
      ],
      new Set(["p1"]),
    );
    expect(found[0]!.id).toBe("p1");
    expect(found[1]!.id).not.toBe("someone-elses");
  });

  it("puts names into labels", () => {
    expect(joinNames(people)).toBe("Amy and Ben");
    expect(joinNames([...people, { forename: "Cal" }])).toBe("Amy, Ben and Cal");
    expect(personalise("What is {names}'s date of birth?", people.slice(0, 1))).toBe("What is Amy's date of birth?");
  });
});

describe("messages for a missing answer", () => {
  it("put a plain label mid-sentence and quote a label phrased as a question", async () => {
    const { missingAnswerMessage } = await import("@/lib/forms/question-types/wording");
    expect(missingAnswerMessage("Enter", "Your organisation")).toBe("Enter your organisation");
    expect(missingAnswerMessage("Select", "Is it safe to contact the family?")).toBe("Select an answer to ‘Is it safe to contact the family?’");
  });
});
