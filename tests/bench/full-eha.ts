/**
 * A FULL External Early Help Assessment for the PDF figures of `npm run bench` (issue 5, item 5):
 * three children, every question of every section answered, built by walking the definition
 * itself, so a question added to the form is answered here without editing this file.
 *
 * One plausible value per question type, typed as a person would type it and then put through
 * the question's own schema (valueSchemaFor), so what is stored is what the engine would store
 * (phone and NHS numbers without spaces, a UPN in upper case). Choices that open more of the
 * form are taken: checkboxes tick every box (so Participation Team and SEND Information are
 * shown, with both of their branches), radios and selects take the first choice (consent
 * "written", which asks who gave it and when; per child, the first child the first choice and
 * the others the next ones), yes/no is "yes" (which asks for the details).
 * Per-person questions are split: each child has a group of their own and their own answer.
 * Files are attachments, not answers: five are listed beside the answers.
 *
 * `checkFullEha` asks the engine whether the result is what it should be: every section shown,
 * every shown section complete, no shown question "Not answered".
 */
import { COMPLETING_AS_QUESTION } from "@/lib/forms/completing-as";
import { formById } from "@/lib/forms/catalogue";
import { sectionStates, visibleQuestions, answersOnJourney } from "@/lib/forms/journey";
import { nhsNumberCheckDigit, upnCheckLetter, valueSchemaFor } from "@/lib/forms/question-types";
import { sectionValidator } from "@/lib/forms/section-form";
import { NOT_ANSWERED, summariseForm } from "@/lib/forms/summary";
import type { AnswerValue, Answers, FormDefinition, Person, Question, TableColumn } from "@/lib/forms/types";

export const FULL_EHA_FORM_ID = "early-help-assessment";

export type FullForm = {
  definition: FormDefinition;
  people: Person[];
  answers: Answers;
  attachments: { fileName: string; sizeBytes: number }[];
};

const CHILDREN: Person[] = [
  { id: "child-1", forename: "Mia", surname: "Walker" },
  { id: "child-2", forename: "Leo", surname: "Walker" },
  { id: "child-3", forename: "Ava", surname: "Walker" },
];

const ATTACHMENTS = [
  { fileName: "written-consent-signed.pdf", sizeBytes: 184_320 },
  { fileName: "attendance-letter-september.pdf", sizeBytes: 96_210 },
  { fileName: "attendance-letter-october.docx", sizeBytes: 41_872 },
  { fileName: "speech-and-language-report.pdf", sizeBytes: 1_572_864 },
  { fileName: "school-support-plan.png", sizeBytes: 734_003 },
];

/** Plain words for a label ("Your relationship to {names}" → "relationship to Mia"). */
function topic(label: string, child: Person | undefined): string {
  const named = label.replace(/\{names\}/g, child ? child.forename : "the children");
  const words = named.replace(/^(Your|The|A|An|Any|What|How|Why|Who|Has|Have|Does|Is)\s+/i, "").replace(/[?.]$/, "");
  return words.charAt(0).toLowerCase() + words.slice(1);
}

const PARAGRAPH =
  "The family have been known to the school since the autumn term. Staff have met the parents several times, and the children speak warmly about home. " +
  "Mornings are difficult: the children often arrive late and tired, and the eldest has missed a number of days. Mum works shifts and Dad has recently moved out. " +
  "The family would welcome practical help with routines, and the school will keep offering its breakfast club and a weekly check-in with a trusted adult.";

/** About 80 words on the question, naming the child when the answer is theirs. */
function paragraph(question: Question, child: Person | undefined): string {
  return `${child ? `For ${child.forename}: ` : ""}${PARAGRAPH} (${question.id})`;
}

/** A sentence, or something shorter where the question only takes a few characters. */
function sentence(question: Question & { maxLength?: number }, child: Person | undefined, index: number): string {
  const known: Record<string, string> = {
    referrerName: "Jordan Ellis",
    referrerRole: "Designated safeguarding lead",
    referrerOrganisation: "Castle Hill Primary School",
    referrerRelationship: ["Class teacher", "Head of year", "Nursery key worker"][index] ?? "Teacher",
    consentGivenBy: "Sarah Walker, mother",
    educationSetting: ["Castle Hill Primary School", "Castle Hill Primary School", "Priory Park Nursery"][index] ?? "",
    lastEducationSetting: "Wren's Nest Academy",
    gpPractice: "Castle Medical Centre",
    attendancePercentage: `${84 - index * 3}%`,
  };
  const about = topic(question.label, child);
  const text = known[question.id] || `${about.charAt(0).toUpperCase()}${about.slice(1)}${child ? ` (${child.forename})` : ""}: as noted by the referrer at the last review`;
  return question.maxLength !== undefined ? text.slice(0, question.maxLength) : text;
}

function tableCell(column: TableColumn, row: number): string {
  if (column.type === "select") return column.choices[row % column.choices.length]!.value;
  const byColumn: Record<string, string[]> = {
    name: ["Sarah Walker", "Daniel Walker", "Margaret Hughes"],
    dateOfBirth: ["12/04/1988", "03/09/1986", "About 64"],
    service: ["School nursing", "Speech and language therapy", "Family Hub"],
    contactName: ["Priya Shah", "Tom Barker", "Grace Osei"],
    phone: ["01384 812 345", "01384 812 346", "01384 812 347"],
    email: ["school.nursing@example.nhs.uk", "salt@example.nhs.uk", "familyhub@example.gov.uk"],
    whenInvolved: ["2022 to 2023", "Spring 2024", "2021"],
  };
  return byColumn[column.id]?.[row] ?? `${column.label} ${row + 1}`;
}

/** What a person would type for this question (and for this child, when the question is per person). */
function typed(question: Question, child: Person | undefined, index: number): unknown {
  switch (question.type) {
    case "text":
      return sentence(question, child, index);
    case "longText":
      return paragraph(question, child);
    case "email":
      return child ? `${child.forename.toLowerCase()}.${child.surname.toLowerCase()}@example.com` : "jordan.ellis@castlehill.example.sch.uk";
    case "phone":
      return child ? `07700 900 ${String(120 + index).padStart(3, "0")}` : "01384 812 345";
    case "date":
      // Born three years apart; everything else happened last year. Both are in the past.
      return question.id === "dateOfBirth" ? { day: "05", month: "03", year: String(2019 - index * 3) } : { day: "05", month: "03", year: "2025" };
    case "select":
    case "radios":
      // Each child their own choice (the first child the first); a question for the whole form takes the first.
      return question.choices[child ? index % question.choices.length : 0]!.value;
    case "checkboxes":
      return question.choices.map((choice) => choice.value);
    case "yesNo":
      return "yes";
    case "nhsNumber":
      return nhsNumber(index);
    case "upn": {
      const rest = `12345678901${index}`;
      return `${upnCheckLetter(rest) ?? "?"}${rest}`;
    }
    case "postcode":
      return "DY1 1AA";
    case "declaration":
      return "yes";
    case "address":
      return { postcode: "DY1 1AA", houseNumber: "1", uprn: "90012345678", line1: "1 Castle Street", town: "Dudley" };
    case "table":
      return { rows: [0, 1, 2].map((row) => Object.fromEntries(question.columns.map((column) => [column.id, tableCell(column, row)]))) };
    case "file":
      return undefined;
  }
}

/** A valid NHS number per child: "943 476 5919" for the first, then the next nine-digit stems that have a check digit. */
function nhsNumber(index: number): string {
  let stem = 943_476_591 + index;
  let check = nhsNumberCheckDigit(String(stem));
  while (check === undefined) {
    stem += 1;
    check = nhsNumberCheckDigit(String(stem));
  }
  const digits = `${stem}${check}`;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** The stored answer: the typed value through the question's schema (or as typed when it fails, which the check reports). */
function stored(question: Question, raw: unknown): AnswerValue | undefined {
  const result = valueSchemaFor(question).safeParse(raw);
  return result.success ? result.data : (raw as AnswerValue);
}

export function fullEarlyHelpAssessment(): FullForm {
  const definition = formById(FULL_EHA_FORM_ID);
  if (!definition) throw new Error(`no form ${FULL_EHA_FORM_ID}`);
  const answers: Answers = { [COMPLETING_AS_QUESTION.id]: "professional" };
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (question.type === "file") continue;
      if (question.isPerPerson === true) {
        answers[question.id] = {
          groups: CHILDREN.map((child, index) => ({ personIds: [child.id], value: stored(question, typed(question, child, index)) ?? "" })),
        };
      } else {
        const value = stored(question, typed(question, undefined, 0));
        if (value !== undefined) answers[question.id] = value;
      }
    }
  }
  return { definition, people: CHILDREN, answers, attachments: ATTACHMENTS };
}

/** What the engine says is wrong with the form: hidden sections, sections not complete, questions not answered. Empty when it is full. */
export function checkFullEha(form: FullForm): string[] {
  const { definition, people, answers } = form;
  const problems: string[] = [];
  const states = sectionStates(definition, answers, sectionValidator(definition, answers, people));
  for (const { section, state, isShown } of states) {
    if (!isShown) problems.push(`section "${section.title}" is not shown`);
    else if (state !== "complete") problems.push(`section "${section.title}" is ${state}, not complete`);
  }
  for (const section of summariseForm(definition, answers, people, form.attachments)) {
    for (const row of section.rows) {
      if (row.lines.some((line) => line.endsWith(NOT_ANSWERED))) problems.push(`"${row.label}" (${section.title}) is not answered`);
    }
  }
  return problems;
}

/** How much of the form is answered: shown sections and questions, and answers per child. */
export function describeFullEha(form: FullForm): string {
  const onJourney = answersOnJourney(form.definition, form.answers);
  const shown = summariseForm(form.definition, form.answers, form.people, form.attachments);
  const questions = form.definition.sections.flatMap((section) => visibleQuestions(section, onJourney));
  const perPerson = questions.filter((question) => question.isPerPerson === true).length;
  return (
    `${form.definition.title}: ${shown.length} sections with questions (of ${form.definition.sections.length}), ${questions.length} questions shown and answered ` +
    `(${perPerson} per child, each split into ${form.people.length} children's own answers), ${form.attachments.length} attachments`
  );
}
