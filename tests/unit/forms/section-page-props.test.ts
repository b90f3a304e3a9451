/**
 * The section page sends the browser only its own section (issue 19, point 1): the questions it
 * draws and the answers it needs, never the form definition or the draft's other answers.
 * Without JavaScript the form's state also travels in the page and back in every post, so it
 * must stay as small as the section.
 */
import { describe, expect, it } from "vitest";
import { sectionFormState, sectionOnPage } from "@/app/(portal)/drafts/_engine/section-view-state";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { liveFieldValue } from "@/lib/forms/page-fields";
import type { Answers, FormDefinition, Section } from "@/lib/forms/types";

const section = (definition: FormDefinition, id: string): Section => definition.sections.find((candidate) => candidate.id === id)!;

/** A draft with answers in several sections, some of them personal. */
const answers: Answers = {
  completingAs: "professional",
  referrerName: "Jo Bloggs",
  referrerEmail: "jo@school.example",
  school: "Hill Primary",
  hasDisability: "yes",
  concernDetails: "What the child said",
  parentName: "Pat Smith",
  safeToContact: "no",
};
const rest = { errors: {}, revision: 3, isStale: false, version: 0 };

describe("the section page's form", () => {
  it("gets its section's questions and none of the form's other sections", () => {
    const childDetails = section(safeguardingConcern, "child-details");
    const page = sectionOnPage(safeguardingConcern, childDetails, answers);
    expect(page.questions.map(({ question }) => question.id)).toEqual(childDetails.questions.map((question) => question.id));
    const sent = JSON.stringify(page);
    for (const other of safeguardingConcern.sections.filter((candidate) => candidate !== childDetails)) {
      for (const question of other.questions) expect(sent).not.toContain(`"${question.id}"`);
    }
    // The question shown or hidden as the user answers, and the field it follows.
    expect(page.questions.find(({ question }) => question.id === "disabilityDetails")?.liveCondition).toEqual({ question: "hasDisability", equals: "yes" });
    expect(page.liveFields).toEqual([{ id: "hasDisability", name: "hasDisability__0", isList: false }]);
  });

  it("carries only its own answers in its state, never the rest of the draft", async () => {
    const state = await sectionFormState(sectionOnPage(safeguardingConcern, section(safeguardingConcern, "child-details"), answers), section(safeguardingConcern, "child-details"), answers, rest);
    expect(state.answers).toEqual({ school: "Hill Primary", hasDisability: "yes" });
    expect(state.revision).toBe(3);
  });

  it("also carries an earlier answer that a live condition on the page looks at", async () => {
    // Contact information, with a question shown when the risk is immediate (an earlier section) and it is not safe to contact (this page).
    const contact = section(safeguardingConcern, "contact-information");
    const definition: FormDefinition = {
      ...safeguardingConcern,
      sections: safeguardingConcern.sections.map((candidate) =>
        candidate === contact
          ? {
              ...contact,
              questions: [
                ...contact.questions,
                { id: "unsafeWhy", type: "longText", label: "Why is it not safe?", showIf: { all: [{ question: "immediateRisk", equals: "yes" }, { question: "safeToContact", equals: "no" }] } },
              ],
            }
          : candidate,
      ),
    };
    const withRisk = { ...answers, immediateRisk: "yes" };
    const page = sectionOnPage(definition, section(definition, "contact-information"), withRisk);
    const state = await sectionFormState(page, section(definition, "contact-information"), withRisk, rest);
    expect(state.answers).toEqual({ parentName: "Pat Smith", safeToContact: "no", immediateRisk: "yes" });
    expect(page.liveFields).toEqual([{ id: "safeToContact", name: "safeToContact", isList: false }]);
  });

  it("reads a live checkboxes field as every box ticked, and any other as its one value", () => {
    const form = { get: (name: string) => ({ a: "x" })[name], getAll: (name: string) => (name === "b" ? ["1", "2"] : []) };
    expect(liveFieldValue({ id: "b", name: "b", isList: true }, form)).toEqual(["1", "2"]);
    expect(liveFieldValue({ id: "a", name: "a", isList: false }, form)).toBe("x");
  });
});
