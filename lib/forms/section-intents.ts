/**
 * What a button on a section page asks for. Every button posts the whole page (so nothing typed
 * is lost, and each works without JavaScript) with `intent` saying what to do next: move on,
 * move back, save for later, jump to another section, or change the page itself (split a
 * person out of an answer, put them back, add or remove a table row, look up an address).
 */
import { includeBack, isPerPersonAnswer, splitOut } from "./per-person";
import { perPersonGroups } from "./section-form";
import { switchToAddressLookup, switchToManualAddress } from "./question-types/address";
import { addTableRow, removeTableRow } from "./question-types/table";
import type { Answers, Person, Section } from "./types";

export type PageChange =
  | { kind: "split"; questionId: string; personId: string }
  | { kind: "include"; questionId: string; personId: string }
  | { kind: "add-row"; questionId: string }
  | { kind: "remove-row"; questionId: string; index: number }
  | { kind: "find-address"; questionId: string }
  | { kind: "manual-address"; questionId: string };

export type SectionIntent =
  | { kind: "next" }
  | { kind: "previous" }
  | { kind: "save-for-later" }
  | { kind: "goto"; sectionId: string }
  | { kind: "autosave" }
  /** "Send to Local Authority" on the last section: to the confirmation page (without JavaScript). */
  | { kind: "send" }
  /** Sent after the confirmation dialog (with JavaScript). */
  | { kind: "send-confirmed" }
  | { kind: "change"; change: PageChange };

/** The posted intent; anything unknown counts as Next, the page's main button. */
export function parseIntent(value: unknown): SectionIntent {
  const text = typeof value === "string" ? value : "";
  const [kind = "", first = "", second = ""] = text.split(":");
  switch (kind) {
    case "previous":
    case "save-for-later":
    case "autosave":
    case "send":
    case "send-confirmed":
      return { kind };
    case "goto":
      return first ? { kind: "goto", sectionId: first } : { kind: "next" };
    case "split":
    case "include":
      return first && second ? { kind: "change", change: { kind, questionId: first, personId: second } } : { kind: "next" };
    case "add-row":
    case "find-address":
    case "manual-address":
      return first ? { kind: "change", change: { kind, questionId: first } } : { kind: "next" };
    case "remove-row": {
      const index = Number(second);
      return first && Number.isInteger(index) && index >= 0 ? { kind: "change", change: { kind, questionId: first, index } } : { kind: "next" };
    }
    default:
      return { kind: "next" };
  }
}

/**
 * The answers after a page change. A change naming a question that is not on this section, or
 * of the wrong kind, or a person not on the form, changes nothing (it can only come from a
 * tampered or out-of-date page).
 */
export function applyPageChange(change: PageChange, section: Section, people: readonly Person[], answers: Answers): Answers {
  const question = section.questions.find((candidate) => candidate.id === change.questionId);
  if (!question) return answers;
  const answer = answers[question.id];
  const next = { ...answers };
  switch (change.kind) {
    case "split":
    case "include": {
      if (question.isPerPerson !== true || !people.some((person) => person.id === change.personId)) return answers;
      const groups = perPersonGroups(answer, people);
      next[question.id] = change.kind === "split" ? splitOut(groups, change.personId) : includeBack(groups, change.personId);
      return next;
    }
    case "add-row":
    case "remove-row": {
      if (question.type !== "table" || isPerPersonAnswer(answer)) return answers;
      next[question.id] = change.kind === "add-row" ? addTableRow(answer, question.maxRows) : removeTableRow(answer, change.index);
      return next;
    }
    case "find-address":
    case "manual-address": {
      if (question.type !== "address" || isPerPersonAnswer(answer)) return answers;
      next[question.id] = change.kind === "manual-address" ? switchToManualAddress(answer) : switchToAddressLookup(answer);
      return next;
    }
  }
}
