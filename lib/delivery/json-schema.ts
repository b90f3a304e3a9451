/**
 * The JSON Schema (draft 2020-12) of one form version's document (document-types.ts), generated
 * from that version's definition, so it says exactly which answers the form can carry: the
 * envelope (reference, times, team, referrer, people, files) and, for the answers, one `$defs`
 * entry per question ("answer.<questionId>") with the value shape of its type. Form-level
 * answers are `oneOf` the form-level questions, a person's answers `oneOf` the per-person ones;
 * the `questionId` constant tells an integrator (and a code generator) which one it holds.
 *
 * Served publicly at /api/v1/schemas/<form>/<version>.json: it holds the form, never an answer.
 */
import { DOCUMENT_VERSION } from "./document-types";
import { answerSchemaFor, type JsonSchema } from "./answer-schemas";
import { REFERENCE_PATTERN } from "@/lib/submissions/reference";
import { COMPLETING_AS_QUESTION } from "@/lib/forms/completing-as";
import type { FormDefinition, Question } from "@/lib/forms/types";
import { schemaUrl } from "./urls";

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

type AnsweredQuestion = Exclude<Question, { type: "file" }>;

const string: JsonSchema = { type: "string" };
// oneOf rather than a type list, which strict validators (ajv by default) warn about.
const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [{ type: "null" }, schema] });
const objectOf = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({ type: "object", properties, required, additionalProperties: false });

export function jsonSchemaFor(definition: FormDefinition, options: { appUrl?: string } = {}): JsonSchema {
  const questions = definition.sections.flatMap((section) => section.questions).filter((question): question is AnsweredQuestion => question.type !== "file");
  const reference = `^${REFERENCE_PATTERN}(-V[1-9][0-9]*)?$`;
  const answerList = (listed: AnsweredQuestion[]): JsonSchema =>
    listed.length === 0 ? { type: "array", maxItems: 0 } : { type: "array", items: { oneOf: listed.map((question) => ({ $ref: `#/$defs/answer.${question.id}` })) } };

  return {
    $schema: JSON_SCHEMA_DIALECT,
    ...(options.appUrl !== undefined && { $id: schemaUrl(options.appUrl, definition.id, definition.version) }),
    title: `${definition.title} (form ${definition.id}, version ${definition.version}): a sent form`,
    description: "One form sent to the council through the Children's Portal, as delivered to the case system.",
    ...objectOf({
      documentVersion: { const: DOCUMENT_VERSION },
      schemaUrl: { type: "string", format: "uri" },
      reference: { type: "string", pattern: reference, description: "CP-XXXX-XXXX; a resubmission adds -V<version>" },
      version: { type: "integer", minimum: 1 },
      previousReference: nullable({ type: "string", pattern: reference }),
      form: objectOf({ id: { const: definition.id }, version: { const: definition.version }, title: string }),
      team: { type: "string", description: "The council team the form is with (social-care, early-help, lado, send)" },
      sentAt: { type: "string", format: "date-time" },
      referrer: objectOf({
        forename: string,
        surname: string,
        email: { type: "string", format: "email" },
        isProfessional: { type: "boolean" },
        organisation: nullable(string),
        jobRole: nullable(string),
        // Null where the form was not started from a start page (a SEND form the team assigned).
        completingAs: { enum: [...definition.audiences, null], description: COMPLETING_AS_QUESTION.label },
        address: nullable({ ...objectOf(Object.fromEntries(["propertyName", "houseNumber", "street", "area", "town", "postcode"].map((part) => [part, string])), []), minProperties: 1 }),
      }),
      people: {
        type: "array",
        minItems: 1,
        description: "The people the form is about, each with the answers to per-person questions",
        items: objectOf(
          { id: string, forename: string, surname: string, dateOfBirth: { type: "string", format: "date" }, answers: answerList(questions.filter((question) => question.isPerPerson === true)) },
          ["id", "forename", "surname", "answers"],
        ),
      },
      answers: answerList(questions.filter((question) => question.isPerPerson !== true)),
      files: {
        type: "array",
        items: objectOf({
          id: { type: "string", format: "uuid" },
          name: string,
          contentType: string,
          sizeBytes: { type: "integer", minimum: 0 },
          sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
          downloadUrl: { type: "string", format: "uri" },
        }),
      },
    }),
    $defs: Object.fromEntries(questions.map((question) => [`answer.${question.id}`, answerSchemaFor(question)])),
  };
}
