/**
 * The shape of a form definition: plain data (DESIGN.md, "The form engine"). A definition lists
 * sections; a section lists questions of a small set of types; a question or a section may
 * carry a condition on earlier answers. Everything about a particular form lives in its
 * definition file under lib/forms/definitions/; the engine derives the rest.
 */

/** A condition on an earlier answer. `equals` compares a single value; `includes` looks inside a multiple choice. */
export type Condition =
  | { question: string; equals: string }
  | { question: string; includes: string }
  | { all: Condition[] }
  | { any: Condition[] };

export type Choice = { value: string; label: string; hint?: string };

type QuestionBase = {
  /** Unique within the form; the answer's key. Lower camel case. */
  id: string;
  label: string;
  hint?: string;
  isRequired?: boolean;
  /** One answer per person the form is about, which the user may split by person (DESIGN.md). */
  isPerPerson?: boolean;
  showIf?: Condition;
};

export type Question =
  | (QuestionBase & { type: "text"; maxLength?: number })
  | (QuestionBase & { type: "longText"; maxLength?: number })
  | (QuestionBase & { type: "email" })
  | (QuestionBase & { type: "phone" })
  | (QuestionBase & { type: "date"; allowEstimated?: boolean; mustBePast?: boolean })
  | (QuestionBase & { type: "select"; choices: Choice[] })
  | (QuestionBase & { type: "radios"; choices: Choice[] })
  | (QuestionBase & { type: "checkboxes"; choices: Choice[] })
  | (QuestionBase & { type: "yesNo" })
  | (QuestionBase & { type: "nhsNumber" })
  | (QuestionBase & { type: "upn" })
  | (QuestionBase & { type: "postcode" })
  | (QuestionBase & { type: "declaration"; statement: string });

export type QuestionType = Question["type"];

export type Section = {
  id: string;
  title: string;
  description?: string;
  showIf?: Condition;
  questions: Question[];
};

export type FormDefinition = {
  /** Stable id, e.g. "safeguarding-concern". */
  id: string;
  /** Bumped whenever questions change; drafts and submissions record the version they used. */
  version: number;
  title: string;
  service: "social-care" | "early-help" | "lado" | "send";
  sections: Section[];
};

/** A stored answer value: text for most types, a list for checkboxes, parts for dates. */
export type AnswerValue = string | string[] | { day: string; month: string; year: string; isEstimated?: boolean };

/** The people a form is about, entered first ("Who is this about?"). */
export type Person = { id: string; forename: string; surname: string };

/**
 * Answers to a per-person question: groups that partition the people, each with its value.
 * One group of everyone until the user splits someone out.
 */
export type PerPersonAnswer = { groups: { personIds: string[]; value: AnswerValue }[] };

/** All answers of a draft, by question id. */
export type Answers = Record<string, AnswerValue | PerPersonAnswer>;
