import { describe, expect, it } from "vitest";
import { isConditionMet } from "@/lib/forms/conditions";
import {
  answersOnJourney,
  firstIncompleteSection,
  nextSection,
  previousSection,
  sectionStates,
  visibleQuestions,
} from "@/lib/forms/journey";
import { DefinitionError, loadDefinition, QUESTION_TYPES } from "@/lib/forms/load-definition";
import {
  includeBack,
  isPartition,
  setGroupValue,
  singleGroup,
  splitOut,
  syncPeople,
  valueFor,
} from "@/lib/forms/per-person";
import type { Answers, PerPersonAnswer, Person, Section } from "@/lib/forms/types";

/** Raw data, as a definition file holds it before it is loaded; loose so tests can break it. */
type RawDefinition = Record<string, unknown> & { sections: (Record<string, unknown> & { questions: object[] })[] };

const referral: RawDefinition = {
  id: "test-referral",
  version: 1,
  title: "Test referral",
  summary: "A form for the engine's tests.",
  service: "social-care",
  team: "social-care",
  audiences: ["professional"],
  sections: [
    {
      id: "about",
      title: "About the children",
      questions: [
        { id: "fullName", type: "text", label: "Name", isRequired: true },
        {
          id: "supportNeeded",
          type: "checkboxes",
          label: "What support is needed?",
          isPerPerson: true,
          choices: [
            { value: "send", label: "Special educational needs" },
            { value: "housing", label: "Housing" },
          ],
        },
      ],
    },
    {
      id: "send-support",
      title: "SEND support",
      showIf: { question: "supportNeeded", includes: "send" },
      questions: [
        {
          id: "hasPlan",
          type: "radios",
          label: "Is there a plan?",
          isRequired: true,
          choices: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ],
        },
        { id: "planDetails", type: "longText", label: "About the plan", showIf: { question: "hasPlan", equals: "yes" } },
        {
          id: "planKind",
          type: "radios",
          label: "What kind of plan?",
          showIf: { question: "hasPlan", equals: "yes" },
          choices: [
            { value: "ehcp", label: "EHC plan" },
            { value: "sen-support", label: "SEN support" },
          ],
        },
        { id: "coordinator", type: "text", label: "Coordinator", showIf: { question: "planKind", equals: "ehcp" } },
      ],
    },
    { id: "anything-else", title: "Anything else", questions: [{ id: "notes", type: "longText", label: "Notes" }] },
  ],
};
const definition = loadDefinition(referral);
const section = (id: string): Section => definition.sections.find((s) => s.id === id)!;

function problemsOf(input: unknown): string[] {
  try {
    loadDefinition(input);
  } catch (error) {
    if (error instanceof DefinitionError) return error.problems;
    throw error;
  }
  return [];
}

const people: Person[] = ["c1", "c2", "c3"].map((id) => ({ id, forename: id, surname: "Child" }));

describe("conditions", () => {
  it("holds when there is no condition", () => {
    expect(isConditionMet(undefined, {})).toBe(true);
  });

  it("compares a single answer with equals", () => {
    expect(isConditionMet({ question: "hasPlan", equals: "yes" }, { hasPlan: "yes" })).toBe(true);
    expect(isConditionMet({ question: "hasPlan", equals: "yes" }, { hasPlan: "no" })).toBe(false);
    expect(isConditionMet({ question: "hasPlan", equals: "yes" }, {})).toBe(false);
  });

  it("looks inside a multiple choice with includes", () => {
    expect(isConditionMet({ question: "support", includes: "send" }, { support: ["housing", "send"] })).toBe(true);
    expect(isConditionMet({ question: "support", includes: "send" }, { support: ["housing"] })).toBe(false);
    expect(isConditionMet({ question: "support", includes: "send" }, { support: "send" })).toBe(false);
  });

  it("combines with all and any", () => {
    const answers: Answers = { a: "yes", b: ["x"] };
    const a = { question: "a", equals: "yes" };
    const notB = { question: "b", includes: "y" };
    expect(isConditionMet({ all: [a, notB] }, answers)).toBe(false);
    expect(isConditionMet({ any: [a, notB] }, answers)).toBe(true);
    expect(isConditionMet({ any: [notB, { all: [a, { question: "b", includes: "x" }] }] }, answers)).toBe(true);
  });

  it("counts a per-person answer when any group matches", () => {
    const answer: PerPersonAnswer = {
      groups: [
        { personIds: ["c1", "c2"], value: ["housing"] },
        { personIds: ["c3"], value: ["send"] },
      ],
    };
    expect(isConditionMet({ question: "support", includes: "send" }, { support: answer })).toBe(true);
    expect(isConditionMet({ question: "support", includes: "other" }, { support: answer })).toBe(false);
    const radios: PerPersonAnswer = { groups: [{ personIds: ["c1"], value: "no" }, { personIds: ["c2"], value: "yes" }] };
    expect(isConditionMet({ question: "hasPlan", equals: "yes" }, { hasPlan: radios })).toBe(true);
  });
});

describe("loading a definition", () => {
  it("accepts a good definition and knows every question type", () => {
    expect(definition.sections.map((s) => s.id)).toEqual(["about", "send-support", "anything-else"]);
    expect(QUESTION_TYPES).toContain("checkboxes");
    expect(QUESTION_TYPES).toHaveLength(16);
    expect(QUESTION_TYPES).toEqual(expect.arrayContaining(["address", "table", "file"]));
  });

  it("refuses an address or table answered per person, and the start page's own question id", () => {
    const broken = structuredClone(referral);
    broken.sections[2]!.questions.push({ id: "home", type: "address", label: "Home", isPerPerson: true });
    broken.sections[2]!.questions.push({ id: "completingAs", type: "text", label: "Clash" });
    const problems = problemsOf(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        "sections.2.questions.1.isPerPerson: an address question cannot be answered per person",
        'sections.2.questions.2.id: "completingAs" is the start page\'s own question',
      ]),
    );
  });

  it("lets a condition look at the start page's \"I am completing this form as a\"", () => {
    const withAudience = structuredClone(referral);
    withAudience.sections[2]!.questions.push({ id: "role", type: "text", label: "Your role", showIf: { question: "completingAs", equals: "professional" } });
    expect(problemsOf(withAudience)).toEqual([]);
  });

  it("names each problem with its path, all at once", () => {
    const broken = structuredClone(referral);
    // A repeated id that is a different type: conditions still judge by the first one.
    broken.sections[0]!.questions.push({ id: "supportNeeded", type: "text", label: "Again" });
    broken.sections[0]!.questions.push({ id: "colour", type: "slider", label: "Colour" });
    broken.sections[0]!.questions[0] = {
      ...broken.sections[0]!.questions[0],
      showIf: { question: "notes", equals: "x" },
    };
    broken.sections[2]!.questions[0] = {
      ...broken.sections[2]!.questions[0],
      showIf: { any: [{ question: "hasPlan", includes: "yes" }] },
    };
    expect(problemsOf(broken)).toEqual([
      expect.stringMatching(/^sections\.0\.questions\.3\.type: must be a known question type/),
      'sections.0.questions.2.id: repeats the question id "supportNeeded" (first at sections.0.questions.1)',
      expect.stringMatching(/^sections\.0\.questions\.0\.showIf\.question: refers to "notes", which does not come before/),
      expect.stringMatching(/^sections\.2\.questions\.0\.showIf\.any\.0\.includes: "hasPlan" is a radios question/),
    ]);
  });

  it("refuses a condition on the question itself and one on an unknown question", () => {
    const broken = structuredClone(referral);
    Object.assign(broken.sections[1]!, { showIf: { question: "hasPlan", equals: "yes" } });
    Object.assign(broken.sections[2]!, { showIf: { question: "nothing", equals: "yes" } });
    expect(problemsOf(broken)).toEqual([
      expect.stringMatching(/^sections\.1\.showIf\.question: refers to "hasPlan", which does not come before/),
      'sections.2.showIf.question: refers to an unknown question "nothing"',
    ]);
  });

  it("refuses equals on checkboxes, a value that is not a choice, and repeated section ids", () => {
    const broken = structuredClone(referral);
    Object.assign(broken.sections[1]!, { showIf: { question: "supportNeeded", equals: "send" } });
    Object.assign(broken.sections[2]!, { id: "about", showIf: { question: "hasPlan", equals: "maybe" } });
    expect(problemsOf(broken)).toEqual([
      'sections.2.id: repeats the section id "about" (first at sections.0)',
      expect.stringMatching(/^sections\.1\.showIf\.equals: "supportNeeded" is a checkboxes question/),
      'sections.2.showIf.equals: "maybe" is not a choice of "hasPlan"',
    ]);
  });

  it("checks shapes: ids, choices, unknown keys", () => {
    const broken = structuredClone(referral);
    Object.assign(broken.sections[0]!, { id: "About_Children" });
    Object.assign(broken.sections[0]!.questions[1]!, {
      id: "support-needed",
      choices: [
        { value: "send", label: "A" },
        { value: "send", label: "B" },
      ],
    });
    Object.assign(broken.sections[2]!.questions[0]!, { showif: { question: "fullName", equals: "x" } });
    const problems = problemsOf(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sections\.0\.id: must be kebab-case/),
        expect.stringMatching(/^sections\.0\.questions\.1\.id: must be lowerCamelCase/),
        'sections.0.questions.1.choices.1.value: repeats the choice value "send"',
        expect.stringMatching(/^sections\.2\.questions\.0: Unrecognized key: "showif"/),
      ]),
    );
    expect(() => loadDefinition("not a form")).toThrow(DefinitionError);
  });
});

describe("the journey", () => {
  const allValid = () => true;

  it("skips the SEND section until SEND support is asked for", () => {
    expect(nextSection(definition, {}, "about")).toBe("anything-else");
    expect(previousSection(definition, {}, "anything-else")).toBe("about");
    const answers: Answers = { supportNeeded: ["housing", "send"] };
    expect(nextSection(definition, answers, "about")).toBe("send-support");
    expect(previousSection(definition, answers, "anything-else")).toBe("send-support");
    expect(nextSection(definition, answers, "anything-else")).toBeNull();
    expect(previousSection(definition, answers, "about")).toBeNull();
  });

  it("shows the SEND section when SEND was asked for one child only", () => {
    const support = splitOut(singleGroup(people, ["housing"]), "c2", ["send"]);
    expect(nextSection(definition, { supportNeeded: support }, "about")).toBe("send-support");
  });

  it("shows a question only when its condition holds", () => {
    expect(visibleQuestions(section("send-support"), { hasPlan: "no" }).map((q) => q.id)).toEqual(["hasPlan"]);
    expect(visibleQuestions(section("send-support"), { hasPlan: "yes" }).map((q) => q.id)).toEqual([
      "hasPlan",
      "planDetails",
      "planKind",
    ]);
  });

  it("hides a question whose condition rests on a hidden answer", () => {
    // planKind is hidden once hasPlan is "no", so its stale "ehcp" must not show coordinator.
    const answers: Answers = { hasPlan: "no", planKind: "ehcp" };
    expect(visibleQuestions(section("send-support"), answers).map((q) => q.id)).toEqual(["hasPlan"]);
    expect(visibleQuestions(section("send-support"), { ...answers, hasPlan: "yes" }).map((q) => q.id)).toEqual([
      "hasPlan",
      "planDetails",
      "planKind",
      "coordinator",
    ]);
  });

  it("drops answers the user has hidden since", () => {
    const answers: Answers = { supportNeeded: ["housing"], hasPlan: "yes", planDetails: "EHCP", notes: "n" };
    expect(answersOnJourney(definition, answers)).toEqual({ supportNeeded: ["housing"], notes: "n" });
  });

  it("gives each section its state", () => {
    const isValid = (s: Section) => s.id !== "send-support";
    const states = (answers: Answers) =>
      sectionStates(definition, answers, isValid).map(({ section, state, isShown }) => [section.id, state, isShown]);
    expect(states({})).toEqual([
      ["about", "not-started", true],
      ["send-support", "not-started", false],
      ["anything-else", "complete", true],
    ]);
    expect(states({ fullName: "Sam", supportNeeded: ["send"], hasPlan: "ye" })).toEqual([
      ["about", "complete", true],
      ["send-support", "in-progress", true],
      ["anything-else", "complete", true],
    ]);
    expect(firstIncompleteSection(definition, {}, allValid)).toBe("about");
    expect(firstIncompleteSection(definition, { fullName: "Sam", supportNeeded: ["send"] }, isValid)).toBe(
      "send-support",
    );
    expect(firstIncompleteSection(definition, { fullName: "Sam" }, allValid)).toBeNull();
  });

  it("does not validate hidden sections", () => {
    const seen: string[] = [];
    sectionStates(definition, {}, (s) => (seen.push(s.id), true));
    expect(seen).toEqual(["about", "anything-else"]);
  });
});

describe("per-person answers", () => {
  const everybody = singleGroup(people, "no");

  it("splits a person out with the value they had, and includes them back into the main group", () => {
    const split = splitOut(everybody, "c2");
    expect(split.groups).toEqual([
      { personIds: ["c1", "c3"], value: "no" },
      { personIds: ["c2"], value: "no" },
    ]);
    const changed = setGroupValue(split, ["c2"], "yes");
    expect(valueFor(changed, "c2")).toBe("yes");
    expect(valueFor(changed, "c1")).toBe("no");
    const back = includeBack(changed, "c2");
    expect(back.groups).toEqual([{ personIds: ["c1", "c3", "c2"], value: "no" }]);
    expect(isPartition(back, people)).toBe(true);
  });

  it("keeps a lone person's group when split again and refuses unknown groups", () => {
    const split = splitOut(everybody, "c3", "yes");
    expect(splitOut(split, "c3").groups).toEqual(split.groups);
    expect(() => setGroupValue(split, ["c1"], "yes")).toThrow(RangeError);
    expect(() => splitOut(split, "nobody")).toThrow(RangeError);
  });

  it("keeps a partition when people are added and removed", () => {
    const split = splitOut(splitOut(everybody, "c2", "yes"), "c3", "maybe");
    const c4: Person = { id: "c4", forename: "c4", surname: "Child" };
    const synced = syncPeople(split, [people[0]!, people[2]!, c4]);
    expect(synced.groups).toEqual([
      { personIds: ["c1", "c4"], value: "no" },
      { personIds: ["c3"], value: "maybe" },
    ]);
    expect(isPartition(synced, [people[0]!, people[2]!, c4])).toBe(true);
    const onlyNew = syncPeople(split, [c4]);
    expect(onlyNew.groups).toEqual([{ personIds: ["c4"], value: "no" }]);
  });

  it("tells a partition from something that is not", () => {
    expect(isPartition(everybody, people)).toBe(true);
    expect(isPartition(everybody, people.slice(0, 2))).toBe(false);
    expect(isPartition({ groups: [{ personIds: ["c1", "c2"], value: "a" }] }, people)).toBe(false);
    expect(isPartition({ groups: [...everybody.groups, { personIds: ["c1"], value: "a" }] }, people)).toBe(false);
    expect(isPartition({ groups: [...everybody.groups, { personIds: [], value: "a" }] }, people)).toBe(false);
    expect(isPartition(syncPeople({ groups: [...everybody.groups, { personIds: ["c1"], value: "a" }] }, people), people)).toBe(true);
  });

  it("never changes its inputs", () => {
    const answer: PerPersonAnswer = {
      groups: [
        { personIds: ["c1", "c2"], value: ["send"] },
        { personIds: ["c3"], value: ["housing"] },
      ],
    };
    const before = structuredClone(answer);
    const results = [
      splitOut(answer, "c1"),
      includeBack(answer, "c3"),
      setGroupValue(answer, ["c3"], ["send"]),
      syncPeople(answer, people.slice(1)),
    ];
    expect(answer).toEqual(before);
    // Values are copied, so editing a result cannot reach back into the answer either.
    (results[0]!.groups[0]!.value as string[]).push("x");
    expect(answer).toEqual(before);
    const given = ["send"];
    const own = splitOut(answer, "c2", given);
    given.push("housing");
    expect(valueFor(own, "c2")).toEqual(["send"]);
  });
});
