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
  | (QuestionBase & { type: "declaration"; statement: string })
  /** Postcode and house number, "Find address" over the gazetteer, or "Enter address manually". Never per-person. */
  | (QuestionBase & { type: "address" })
  /**
   * A repeating table ("add another"): rows of columns, e.g. relationships and wider family.
   * `allowNoneOrUnknown` adds "None" and "Not known" as answers instead of rows. Never per-person.
   */
  | (QuestionBase & { type: "table"; itemName: string; columns: TableColumn[]; maxRows?: number; allowNoneOrUnknown?: boolean })
  /**
   * Supporting documents: files attached to the draft (lib/attachments), not an answer. Shown
   * and accepted only for professionals. Never per-person, never required.
   */
  | (QuestionBase & { type: "file" });

/** A column of a repeating table: free text, or one of some choices. */
export type TableColumn = { id: string; label: string; isRequired?: boolean } & ({ type: "text" } | { type: "select"; choices: Choice[] });

export type QuestionType = Question["type"];

export type Section = {
  id: string;
  title: string;
  description?: string;
  showIf?: Condition;
  questions: Question[];
};

export type Service = "social-care" | "early-help" | "lado" | "send";

/** Who may fill a form, as the home page groups them and "I am completing this form as a" asks. */
export type Audience = "young-person" | "parent" | "professional";

export type FormDefinition = {
  /** Stable id, e.g. "safeguarding-concern". */
  id: string;
  /** Bumped whenever questions change; drafts and submissions record the version they used. */
  version: number;
  title: string;
  /** One or two sentences for the form's tile on the home page. */
  summary: string;
  /** The referrer-facing grouping (home page tiles, Recover a form's tabs). */
  service: Service;
  /**
   * The id of the council team (a teams row) a sent form goes to: the one place that routes a
   * form. Its staff, and only they, see the referral until someone moves it.
   */
  team: string;
  /** Who the form is for; the start page offers only these. */
  audiences: Audience[];
  /**
   * Offered only when the SEND team assigns it to a family (Actions to Complete): never on the
   * home page, and its start page does not exist.
   */
  isAssignedOnly?: boolean;
  sections: Section[];
};

export type DateValue = { day: string; month: string; year: string; isEstimated?: boolean };
/** An address: picked from the gazetteer (uprn set, lines filled from it) or typed (isManual). */
export type AddressValue = { postcode: string; houseNumber?: string; uprn?: string; line1?: string; line2?: string; town?: string; isManual?: boolean };
export type TableValue = { rows: Record<string, string>[]; status?: "none" | "unknown" };

/** A stored answer value: text for most types, a list for checkboxes, parts for dates, an address, table rows. */
export type AnswerValue = string | string[] | DateValue | AddressValue | TableValue;

/** The people a form is about, entered first ("Who is this about?"). */
export type Person = { id: string; forename: string; surname: string };

/**
 * Answers to a per-person question: groups that partition the people, each with its value.
 * One group of everyone until the user splits someone out.
 */
export type PerPersonAnswer = { groups: { personIds: string[]; value: AnswerValue }[] };

/** All answers of a draft, by question id. */
export type Answers = Record<string, AnswerValue | PerPersonAnswer>;
