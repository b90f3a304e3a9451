/**
 * Loading a form definition: the one gate between a definition file and the engine. The
 * shape is checked with zod, then the rules zod cannot see: ids are unique, choices are
 * distinct, and every condition looks back at an earlier question of the right kind. Since a
 * condition can only refer to a question before it, the journey is a forward walk that cannot
 * loop. Every problem is reported at once, each with its path (`sections.2.questions.0.type`),
 * so an author fixes a definition in one pass.
 *
 * Ids: a form's and a section's id is kebab-case (`child-details`): it appears in URLs. A
 * question's id is lowerCamelCase (`dateOfBirth`): it is the answer's key and a field name.
 * Section ids and question ids are separate namespaces; each is unique across the form.
 */
import { z } from "zod";
import type { Condition, FormDefinition, Question, QuestionType, Section } from "./types";
import { COMPLETING_AS_QUESTION } from "./completing-as";

export class DefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid form definition:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "DefinitionError";
  }
}

const kebabId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "must be kebab-case, e.g. child-details");
const camelId = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "must be lowerCamelCase, e.g. dateOfBirth");
const text = z.string().trim().min(1);

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ question: z.string(), equals: z.string() }),
      z.strictObject({ question: z.string(), includes: z.string() }),
      z.strictObject({ all: z.array(conditionSchema).min(1) }),
      z.strictObject({ any: z.array(conditionSchema).min(1) }),
    ],
    { error: "must be {question, equals}, {question, includes}, {all: [...]} or {any: [...]}" },
  ),
);

const choicesSchema = z
  .array(z.strictObject({ value: text, label: text, hint: z.string().optional() }))
  .min(1, "needs at least one choice")
  .superRefine((choices, ctx) => {
    choices.forEach((choice, index) => {
      if (choices.findIndex((other) => other.value === choice.value) < index) {
        ctx.addIssue({ code: "custom", path: [index, "value"], message: `repeats the choice value "${choice.value}"` });
      }
    });
  });

const base = {
  id: camelId,
  label: text,
  hint: z.string().optional(),
  isRequired: z.boolean().optional(),
  isPerPerson: z.boolean().optional(),
  showIf: conditionSchema.optional(),
};
const maxLength = z.int().positive().optional();

const questionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ ...base, type: z.literal("text"), maxLength }),
    z.strictObject({ ...base, type: z.literal("longText"), maxLength }),
    z.strictObject({ ...base, type: z.literal("email") }),
    z.strictObject({ ...base, type: z.literal("phone") }),
    z.strictObject({
      ...base,
      type: z.literal("date"),
      allowEstimated: z.boolean().optional(),
      mustBePast: z.boolean().optional(),
    }),
    z.strictObject({ ...base, type: z.literal("select"), choices: choicesSchema }),
    z.strictObject({ ...base, type: z.literal("radios"), choices: choicesSchema }),
    z.strictObject({ ...base, type: z.literal("checkboxes"), choices: choicesSchema }),
    z.strictObject({ ...base, type: z.literal("yesNo") }),
    z.strictObject({ ...base, type: z.literal("nhsNumber") }),
    z.strictObject({ ...base, type: z.literal("upn") }),
    z.strictObject({ ...base, type: z.literal("postcode") }),
    z.strictObject({ ...base, type: z.literal("declaration"), statement: text }),
    z.strictObject({ ...base, type: z.literal("address") }),
    z.strictObject({ ...base, type: z.literal("file") }),
    z.strictObject({
      ...base,
      type: z.literal("table"),
      itemName: text,
      columns: z
        .array(
          z.discriminatedUnion("type", [
            z.strictObject({ id: camelId, label: text, isRequired: z.boolean().optional(), type: z.literal("text") }),
            z.strictObject({ id: camelId, label: text, isRequired: z.boolean().optional(), type: z.literal("select"), choices: choicesSchema }),
          ]),
        )
        .min(1, "needs at least one column")
        .refine((columns) => new Set(columns.map((column) => column.id)).size === columns.length, "repeats a column id"),
      maxRows: z.int().positive().optional(),
      allowNoneOrUnknown: z.boolean().optional(),
    }),
  ],
  { error: (issue) => (issue.code === "invalid_union" ? `must be a known question type: ${knownTypes()}` : undefined) },
);

/** The question types the engine knows, read from the schema so the two cannot drift. */
export const QUESTION_TYPES: readonly QuestionType[] = questionSchema.options.map((option) => option.shape.type.value);
const knownTypes = () => QUESTION_TYPES.join(", ");

// A type added to types.ts but not here fails to compile on this line.
const _everyTypeHasASchema: QuestionType extends (typeof QUESTION_TYPES)[number] & z.output<typeof questionSchema>["type"]
  ? true
  : never = true;

// A section with no questions is guidance only (every form opens with an Overview), so it
// must say something.
const sectionSchema = z
  .strictObject({
    id: kebabId,
    title: text,
    description: z.string().optional(),
    showIf: conditionSchema.optional(),
    questions: z.array(z.unknown()),
  })
  .refine((section) => section.questions.length > 0 || Boolean(section.description?.trim()), {
    message: "needs at least one question, or a description if it is guidance only",
    path: ["questions"],
  });

const formSchema = z.strictObject({
  id: kebabId,
  version: z.int().positive(),
  title: text,
  summary: text,
  service: z.enum(["social-care", "early-help", "lado", "send"]) satisfies z.ZodType<FormDefinition["service"]>,
  team: kebabId,
  audiences: z
    .array(z.enum(["young-person", "parent", "professional"]) satisfies z.ZodType<FormDefinition["audiences"][number]>)
    .min(1, "needs at least one audience"),
  isAssignedOnly: z.boolean().optional(),
  sections: z.array(z.unknown()).min(1, "needs at least one section"),
});

/** A definition checked against the shape and every rule, or a DefinitionError naming all problems. */
export function loadDefinition(input: unknown): FormDefinition {
  const problems: string[] = [];
  const form = parse(formSchema, input, "", problems);
  const sections: ParsedSection[] = (form?.sections ?? arrayAt(input, "sections")).map((rawSection, s) => {
    const path = `sections.${s}`;
    const section = parse(sectionSchema, rawSection, path, problems);
    const questions = (section?.questions ?? arrayAt(rawSection, "questions")).map((rawQuestion, q) => {
      const questionPath = `${path}.questions.${q}`;
      const question = parse(questionSchema, rawQuestion, questionPath, problems);
      return { path: questionPath, id: idOf(rawQuestion), question };
    });
    return { path, id: idOf(rawSection), showIf: section?.showIf, section, questions };
  });
  problems.push(...findRuleProblems(sections));
  if (problems.length > 0 || !form) throw new DefinitionError(problems);
  return {
    ...form,
    sections: sections.map(({ section, questions }): Section => ({
      ...section!,
      questions: questions.map(({ question }) => question!),
    })),
  };
}

/** A section or question as far as it parsed: its id is kept even when the rest failed. */
type ParsedQuestion = { path: string; id: string | undefined; question: Question | undefined };
type ParsedSection = {
  path: string;
  id: string | undefined;
  showIf: Condition | undefined;
  section: z.output<typeof sectionSchema> | undefined;
  questions: ParsedQuestion[];
};

function findRuleProblems(sections: ParsedSection[]): string[] {
  const problems: string[] = [];
  reportDuplicates(sections, "section", problems);
  const questions = sections.flatMap((section) => section.questions);
  reportDuplicates(questions, "question", problems);
  const allIds = new Set(questions.map((question) => question.id));
  for (const { path, question } of questions) {
    if (question?.isPerPerson === true && (question.type === "address" || question.type === "table" || question.type === "file")) {
      problems.push(`${path}.isPerPerson: ${question.type === "address" ? "an address" : `a ${question.type}`} question cannot be answered per person`);
    }
    if (question?.type === "file" && question.isRequired === true) problems.push(`${path}.isRequired: a file question cannot be required`);
    if (question?.id === COMPLETING_AS_QUESTION.id) problems.push(`${path}.id: "${question.id}" is the start page's own question`);
  }
  // Walk in form order, so `earlier` holds exactly the questions a condition may look at. The
  // start page's "I am completing this form as a" comes before every section.
  const earlier = new Map<string, Question | undefined>([[COMPLETING_AS_QUESTION.id, COMPLETING_AS_QUESTION]]);
  for (const section of sections) {
    checkCondition(section.showIf, `${section.path}.showIf`, earlier, allIds, problems);
    for (const { path, id, question } of section.questions) {
      checkCondition(question?.showIf, `${path}.showIf`, earlier, allIds, problems);
      if (id !== undefined && !earlier.has(id)) earlier.set(id, question);
    }
  }
  return problems;
}

function reportDuplicates(items: { path: string; id: string | undefined }[], kind: string, problems: string[]) {
  const firstAt = new Map<string, string>();
  for (const { path, id } of items) {
    if (id === undefined) continue;
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, path);
    else problems.push(`${path}.id: repeats the ${kind} id "${id}" (first at ${first})`);
  }
}

function checkCondition(
  condition: Condition | undefined,
  path: string,
  earlier: ReadonlyMap<string, Question | undefined>,
  allIds: ReadonlySet<string | undefined>,
  problems: string[],
): void {
  if (condition === undefined) return;
  if ("all" in condition || "any" in condition) {
    const [key, parts] = "all" in condition ? ["all", condition.all] : ["any", condition.any];
    parts.forEach((part, index) => checkCondition(part, `${path}.${key}.${index}`, earlier, allIds, problems));
    return;
  }
  const targetId = condition.question;
  if (!earlier.has(targetId)) {
    problems.push(
      allIds.has(targetId)
        ? `${path}.question: refers to "${targetId}", which does not come before it (a condition may only look back)`
        : `${path}.question: refers to an unknown question "${targetId}"`,
    );
    return;
  }
  const target = earlier.get(targetId);
  if (target === undefined) return; // The target failed to parse and has been reported already.
  const [key, value] = "includes" in condition ? ["includes", condition.includes] : ["equals", condition.equals];
  if (key === "includes" && target.type !== "checkboxes") {
    problems.push(`${path}.includes: "${targetId}" is a ${target.type} question; "includes" needs checkboxes (use "equals")`);
  } else if (key === "equals" && (target.type === "checkboxes" || target.type === "date")) {
    problems.push(`${path}.equals: "${targetId}" is a ${target.type} question; "equals" needs a single value`);
  } else if ("choices" in target && !target.choices.some((choice) => choice.value === value)) {
    problems.push(`${path}.${key}: "${value}" is not a choice of "${targetId}"`);
  }
}

function parse<T>(schema: z.ZodType<T>, input: unknown, path: string, problems: string[]): T | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = [path, ...issue.path.map(String)].filter((part) => part !== "").join(".");
    problems.push(`${where || "(definition)"}: ${issue.message}`);
  }
  return undefined;
}

function arrayAt(value: unknown, key: string): unknown[] {
  const found = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(found) ? found : [];
}

function idOf(value: unknown): string | undefined {
  const id = typeof value === "object" && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
}
