/**
 * The answers of a sent form, arranged for the case system: form-level answers in one list, and
 * each person's own list of the per-person answers that apply to them. Only the answers that
 * Check your answers shows go in (shownSections: hidden sections and questions, and answers
 * left behind on them, stay out), in form order.
 *
 * A per-person question's answer is stored as groups of people (lib/forms/per-person.ts); here
 * every person gets the value of their own group, so an integrator never has to read groups.
 */
import { shownSections } from "@/lib/forms/journey";
import { isPerPersonAnswer, valueFor } from "@/lib/forms/per-person";
import { personalise } from "@/lib/forms/personalise";
import type { Answers, FormDefinition, Person } from "@/lib/forms/types";
import { documentAnswer, type DocumentAnswer } from "./answer-values";

export type ArrangedAnswers = { answers: DocumentAnswer[]; byPerson: Map<string, DocumentAnswer[]> };

export function arrangeAnswers(definition: FormDefinition, stored: Answers, people: readonly Person[]): ArrangedAnswers {
  const { onJourney, sections } = shownSections(definition, stored);
  const answers: DocumentAnswer[] = [];
  const byPerson = new Map<string, DocumentAnswer[]>(people.map((person) => [person.id, []]));
  for (const question of sections.flatMap((section) => section.questions)) {
    const answer = onJourney[question.id];
    if (question.isPerPerson === true) {
      for (const person of people) {
        // An answer saved before the question became per-person is everybody's answer.
        const value = isPerPersonAnswer(answer) ? valueFor(answer, person.id) : answer;
        const entry = documentAnswer(question, personalise(question.label, [person]), value);
        if (entry) byPerson.get(person.id)!.push(entry);
      }
      continue;
    }
    // And one saved while it was per-person is the main group's (the answer "for everybody else").
    const value = isPerPersonAnswer(answer) ? answer.groups[0]?.value : answer;
    const entry = documentAnswer(question, personalise(question.label, people), value);
    if (entry) answers.push(entry);
  }
  return { answers, byPerson };
}
