/**
 * One section of a form as a page: what to draw (`sectionView`), and how a posted page becomes
 * answers (`readSection`), derived from the definition alone.
 *
 * Field names: a question posts under its id; a per-person question posts one copy per group,
 * `${id}__${n}`, with the group's people in `${id}__${n}__people`, so a page posted from an
 * older split (another tab, the back button) is noticed instead of answering for the wrong
 * child. Multi-field types add `-<part>` (question-types/).
 *
 * Saving never loses what was typed: a value that fails its question's check is stored as typed
 * (`typedValue`) with the message, so "Save for later", Previous and autosave keep everything,
 * and Next refuses to move on until the section is valid. Whether a stored section is complete
 * is the same check run again over the stored answers (`isSectionValid`).
 */
import { isConditionMet } from "./conditions";
import { answersOnJourney, visibleQuestions, type IsSectionValid } from "./journey";
import { isPartition, isPerPersonAnswer } from "./per-person";
import { conditionQuestionIds, fieldGroups, groupFieldName, perPersonGroups, typedValue, type FieldGroupView } from "./page-fields";
import { personalise } from "./personalise";
import { readFormValue, valueSchemaFor, type FormReader } from "./question-types";
import type { AnswerValue, Answers, Condition, FormDefinition, PerPersonAnswer, Person, Question, Section } from "./types";

export type FieldErrors = Record<string, string>;

export const PEOPLE_CHANGED_MESSAGE = "The people this answer is for have changed since this page was opened. Check the answer and try again";

export type QuestionView = {
  question: Question;
  groups: FieldGroupView[];
  /** A condition on another question of this page: the page shows or hides it as the user answers. */
  liveCondition?: Condition;
  /** Whether it is shown for the answers as stored. */
  isShown: boolean;
};

// Shared with the section page's browser code, which must not import the question types' schemas.
export { conditionQuestionIds, groupFieldName, perPersonGroups, typedValue, type FieldGroupView };

/** A question of the section's page that is drawn, with its condition when the page shows it live. */
export type DrawnQuestion = { question: Question; liveCondition?: Condition };

/**
 * The questions to draw on a section's page. A question whose condition looks at an earlier
 * section is drawn only when that condition holds; one whose condition looks at a question on
 * this page is always drawn, and shown or hidden live (without JavaScript it simply shows).
 * Which are drawn depends on earlier sections' answers only (conditions look back), so a post
 * of this page never changes it.
 */
export function drawnQuestions(definition: FormDefinition, section: Section, answers: Answers): DrawnQuestion[] {
  const onJourney = answersOnJourney(definition, answers);
  const pageIds = new Set(section.questions.map((question) => question.id));
  const beforePage = Object.fromEntries(Object.entries(onJourney).filter(([id]) => !pageIds.has(id)));
  return section.questions.flatMap((question): DrawnQuestion[] => {
    const isLive = question.showIf !== undefined && conditionQuestionIds(question.showIf).some((id) => pageIds.has(id));
    if (!isLive && !isConditionMet(question.showIf, beforePage)) return [];
    return [{ question, ...(isLive ? { liveCondition: question.showIf } : {}) }];
  });
}

/** The questions to draw on a section's page (drawnQuestions), each with its fields and values. */
export function sectionView(definition: FormDefinition, section: Section, people: readonly Person[], answers: Answers): QuestionView[] {
  const onJourney = answersOnJourney(definition, answers);
  const pageIds = new Set(section.questions.map((question) => question.id));
  const shown = new Set(visibleQuestions(section, { ...onJourney, ...pick(answers, pageIds) }).map((question) => question.id));
  return drawnQuestions(definition, section, answers).map(({ question, liveCondition }) => ({
    question,
    groups: fieldGroups(question, people, answers[question.id]),
    isShown: shown.has(question.id),
    ...(liveCondition ? { liveCondition } : {}),
  }));
}

export type ReadSectionInput = {
  definition: FormDefinition;
  section: Section;
  people: readonly Person[];
  /** The draft's answers before this post. */
  answers: Answers;
  form: FormReader;
  /** Turns a raw posted value into what validation sees (an address picked from the list gets its lines). */
  prepare?: (question: Question, raw: unknown) => Promise<unknown>;
};

/**
 * The draft's answers with this page's posted values in, and a message per field that failed
 * its check (only for questions still shown). Questions of the section that were not drawn
 * (their condition did not hold) keep their stored answers.
 */
export async function readSection(input: ReadSectionInput): Promise<{ answers: Answers; errors: FieldErrors }> {
  const { definition, section, people, form } = input;
  const drawn = new Set(sectionView(definition, section, people, input.answers).map((view) => view.question.id));
  const answers: Answers = { ...input.answers };
  const failures = new Map<string, FieldErrors>();
  for (const question of section.questions) {
    if (!drawn.has(question.id)) continue;
    const read = async (name: string, about: readonly Person[]) => {
      const raw = readFormValue(question, form, name);
      // Messages name the people the answer is for, as the label on the page does.
      const asShown = { ...question, label: personalise(question.label, about) };
      return check(asShown, input.prepare ? await input.prepare(question, raw) : raw);
    };
    const fieldErrors: FieldErrors = {};
    if (question.isPerPerson === true) {
      const posted = await readGroups(question, people, form, read, fieldErrors);
      if (posted) answers[question.id] = posted;
    } else {
      const { value, error } = await read(question.id, people);
      if (value === undefined) delete answers[question.id];
      else answers[question.id] = value;
      if (error) fieldErrors[question.id] = error;
    }
    failures.set(question.id, fieldErrors);
  }
  // Only questions still shown with the new answers may hold the page back.
  const shown = visibleQuestions(section, answersOnJourney(definition, answers));
  const errors = Object.assign({}, ...shown.map((question) => failures.get(question.id) ?? {})) as FieldErrors;
  return { answers, errors };
}

async function readGroups(
  question: Question,
  people: readonly Person[],
  form: FormReader,
  read: (name: string, about: readonly Person[]) => Promise<{ value: AnswerValue | undefined; error?: string }>,
  errors: FieldErrors,
): Promise<PerPersonAnswer | undefined> {
  const posted = form.get(`${question.id}__count`);
  // Not on the page that was posted (a partial post): the stored answer stands.
  if (posted === undefined) return undefined;
  const count = Math.min(Number(posted) || 0, people.length);
  const groups: PerPersonAnswer["groups"] = [];
  for (let index = 0; index < count; index += 1) {
    const name = groupFieldName(question.id, index);
    const personIds = (form.get(`${name}__people`) ?? "").split(",").filter(Boolean);
    const { value, error } = await read(name, people.filter((person) => personIds.includes(person.id)));
    groups.push({ personIds, value: value ?? "" });
    if (error) errors[name] = error;
  }
  const answer = { groups };
  if (count > 0 && isPartition(answer, people)) return answer;
  // Posted from an older split of the people: store nothing from it, and say so.
  errors[groupFieldName(question.id, 0)] = PEOPLE_CHANGED_MESSAGE;
  return undefined;
}

/** A posted value checked: the stored form when valid, else what was typed and the message. */
function check(question: Question, raw: unknown): { value: AnswerValue | undefined; error?: string } {
  const result = valueSchemaFor(question).safeParse(raw);
  if (result.success) return { value: result.data };
  return { value: typedValue(raw), error: result.error.issues[0]?.message ?? "Check this answer" };
}

/**
 * Whether a section's stored answers pass every shown question's check: the verdict the
 * journey needs for the section list and for "resume where you stopped".
 */
export function sectionValidator(definition: FormDefinition, answers: Answers, people: readonly Person[]): IsSectionValid {
  const onJourney = answersOnJourney(definition, answers);
  return (section) =>
    visibleQuestions(section, onJourney).every((question) => {
      const answer = onJourney[question.id];
      const values = question.isPerPerson === true ? perPersonGroups(answer, people).groups.map((group) => group.value) : [isPerPersonAnswer(answer) ? answer.groups[0]?.value : answer];
      return values.every((value) => valueSchemaFor(question).safeParse(value === "" ? undefined : value).success);
    });
}

function pick(answers: Answers, ids: ReadonlySet<string>): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => ids.has(id)));
}
