/**
 * The pull API's OpenAPI 3.1 document, built in code from the same constants the routes use (the
 * list's statuses and page sizes, the reasons for a request, the error codes), so it cannot
 * drift from them; served at /api/v1/openapi.json and checked against the API's real answers in
 * tests/integration/delivery/pull-api.test.ts. The document of a sent form is described here as
 * its envelope; each answer's exact shape is per form version, in the JSON Schema at its
 * `schemaUrl` (/api/v1/schemas/<form>/<version>.json).
 */
import { INFORMATION_REASONS, MAX_STAFF_TEXT } from "@/lib/referrals/vocabulary";
import { DOCUMENT_VERSION } from "../document-types";
import { API_RATE_LIMIT } from "./api-rate-limit";
import { CASE_SYSTEM_ID_MAX } from "./api-inputs";
import { DEFAULT_PAGE_SIZE, LIST_STATUSES, MAX_PAGE_SIZE } from "./api-submissions";

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, "null"], ...extra });
const json = (schema: Schema) => ({ "application/json": { schema } });

const ERROR_CODES = ["unauthorized", "rate_limited", "not_found", "conflict", "invalid_request", "unsupported_media_type", "busy", "internal_error"];

const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });
const common = {
  "401": errorResponse("No API key, or an unknown or revoked one."),
  "429": { ...errorResponse("Too many requests with this key (or too many PDFs being made): wait for Retry-After seconds."), headers: { "Retry-After": { schema: { type: "integer" } } } },
  "500": errorResponse("Something unexpected; the message carries an id to quote."),
};
const notFound = { "404": errorResponse("No such reference (or file) among the key's teams' forms. Another team's reference is a 404 too.") };
const referenceParameter = { name: "reference", in: "path", required: true, schema: { type: "string" }, description: "The form's reference, such as CP-ABCD-EFGH or CP-ABCD-EFGH-V2." };
const bodyErrors = { "415": errorResponse("The body is not sent as application/json."), "422": errorResponse("The body is not valid: `error.fields` says what is wrong with which field.") };

const answerResult = (description: string) => ({ "200": { description, content: json(ref("AnswerResult")) } });
const answerBack = (summary: string, description: string, body: Schema | null) => ({
  post: {
    summary,
    description,
    parameters: [referenceParameter],
    ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
    responses: {
      ...answerResult("Done: the referral's new status."),
      ...notFound,
      "409": errorResponse("The referral's status does not allow this (`error.fields.status` says which it is in)."),
      ...(body ? bodyErrors : {}),
      ...common,
    },
  },
});

export function openApiDocument(appUrl: string): Schema {
  const server = appUrl.replace(/\/+$/, "");
  return {
    openapi: "3.1.0",
    info: {
      title: "Children's Portal case-system API",
      version: "1",
      description: [
        "Pull the forms sent to the council's teams, acknowledge them, and answer back.",
        "Authenticate with an API key made by a council admin (/staff/admin/api-keys): `Authorization: Bearer cpk_…`. A key sees and answers only its teams' forms.",
        `Each key may make ${API_RATE_LIMIT.limit} calls every ${API_RATE_LIMIT.windowSeconds} seconds; past that the answer is 429 with Retry-After. Every call is audited.`,
      ].join("\n\n"),
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: server }],
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/submissions": {
        get: {
          summary: "List sent forms, oldest first",
          parameters: [
            { name: "status", in: "query", schema: { type: "string", enum: [...LIST_STATUSES], default: "undelivered" }, description: "undelivered: not yet acknowledged (nor delivered by webhook)." },
            { name: "team", in: "query", schema: { type: "string" }, description: "One of the key's teams (another team lists nothing)." },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "The `nextCursor` of the previous page." },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
          ],
          responses: { "200": { description: "A page of forms.", content: json(ref("SubmissionPage")) }, "422": errorResponse("A query parameter is not valid."), ...common },
        },
      },
      "/api/v1/submissions/{reference}": {
        get: {
          summary: "The document of one sent form",
          parameters: [referenceParameter],
          responses: { "200": { description: "The form's document.", content: json(ref("SubmissionDocument")) }, ...notFound, ...common },
        },
      },
      "/api/v1/submissions/{reference}/files/{fileId}": {
        get: {
          summary: "One file sent with the form",
          parameters: [referenceParameter, { name: "fileId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": { description: "The file, as a download, with its type from the document.", content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } }, ...notFound, ...common },
        },
      },
      "/api/v1/submissions/{reference}/pdf": {
        get: {
          summary: "The form's PDF, as the council's staff see it",
          parameters: [referenceParameter],
          responses: { "200": { description: "The PDF.", content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } } }, ...notFound, ...common },
        },
      },
      "/api/v1/submissions/{reference}/ack": {
        post: {
          summary: "Acknowledge a form: the case system has it",
          description: "Marks the form delivered (by api) with the case system's own id. Idempotent: acknowledging again changes nothing and answers the same.",
          parameters: [referenceParameter],
          requestBody: { required: true, content: json(ref("Ack")) },
          responses: { "200": { description: "Acknowledged.", content: json(ref("AckResult")) }, ...notFound, ...bodyErrors, ...common },
        },
      },
      "/api/v1/submissions/{reference}/response": answerBack("Post the council's response", "As a caseworker's 'Post a response': the referrer is emailed and reads it in Submitted Forms. Only from submitted or resubmitted.", ref("Response")),
      "/api/v1/submissions/{reference}/request-information": answerBack(
        "Ask the referrer for more information",
        "As a caseworker's 'Request more information': the referrer is emailed, and the form is listed for them to add information and send again. Only from submitted or resubmitted.",
        ref("RequestInformation"),
      ),
      "/api/v1/submissions/{reference}/close": answerBack("Close the referral", "As a caseworker's 'Close'. From any status but closed.", null),
      "/api/v1/schemas/{form}/{file}": {
        get: {
          summary: "The JSON Schema of one form version's document (public)",
          security: [],
          parameters: [
            { name: "form", in: "path", required: true, schema: { type: "string" } },
            { name: "file", in: "path", required: true, schema: { type: "string", pattern: "^[1-9][0-9]*\\.json$" }, description: "<version>.json" },
          ],
          responses: { "200": { description: "A JSON Schema (draft 2020-12).", content: { "application/schema+json": { schema: { type: "object" } } } }, "404": { description: "No such form version." } },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", bearerFormat: "cpk_<prefix>_<secret>" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          additionalProperties: false,
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              additionalProperties: false,
              properties: { code: { type: "string", enum: ERROR_CODES }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } } },
            },
          },
        },
        Delivery: {
          type: "object",
          required: ["status", "deliveredAt", "deliveredBy", "caseSystemId"],
          additionalProperties: false,
          properties: {
            status: { type: "string", enum: ["queued", "retrying", "delivered", "failed"] },
            deliveredAt: nullable("string", { format: "date-time" }),
            deliveredBy: { enum: ["api", "webhook", null] },
            caseSystemId: nullable("string"),
          },
        },
        SubmissionListing: {
          type: "object",
          required: ["id", "reference", "formId", "formVersion", "team", "sentAt", "delivery", "links"],
          additionalProperties: false,
          properties: {
            id: { type: "string", format: "uuid" },
            reference: { type: "string" },
            formId: { type: "string" },
            formVersion: { type: "integer", minimum: 1 },
            team: { type: "string" },
            sentAt: { type: "string", format: "date-time" },
            delivery: ref("Delivery"),
            links: {
              type: "object",
              required: ["document", "pdf", "ack"],
              additionalProperties: false,
              properties: { document: { type: "string", format: "uri" }, pdf: { type: "string", format: "uri" }, ack: { type: "string", format: "uri" } },
            },
          },
        },
        SubmissionPage: {
          type: "object",
          required: ["items", "nextCursor", "links"],
          additionalProperties: false,
          properties: {
            items: { type: "array", items: ref("SubmissionListing") },
            nextCursor: nullable("string"),
            links: { type: "object", required: ["next"], additionalProperties: false, properties: { next: nullable("string", { format: "uri" }) } },
          },
        },
        DocumentAnswer: {
          type: "object",
          description: "One answer; `value`'s shape depends on the question (see the form version's JSON Schema).",
          required: ["questionId", "label", "value", "text"],
          properties: { questionId: { type: "string" }, label: { type: "string" }, value: {}, isEstimated: { const: true }, text: { type: "string" } },
        },
        SubmissionDocument: {
          type: "object",
          description: "A sent form. The exact schema of this form version's document is at `schemaUrl`.",
          required: ["documentVersion", "schemaUrl", "reference", "version", "previousReference", "form", "team", "sentAt", "referrer", "people", "answers", "files"],
          properties: {
            documentVersion: { const: DOCUMENT_VERSION },
            schemaUrl: { type: "string", format: "uri" },
            reference: { type: "string" },
            version: { type: "integer", minimum: 1 },
            previousReference: nullable("string"),
            form: { type: "object", required: ["id", "version", "title"], properties: { id: { type: "string" }, version: { type: "integer" }, title: { type: "string" } } },
            team: { type: "string" },
            sentAt: { type: "string", format: "date-time" },
            referrer: { type: "object", required: ["forename", "surname", "email"], properties: { forename: { type: "string" }, surname: { type: "string" }, email: { type: "string", format: "email" } } },
            people: {
              type: "array",
              items: {
                type: "object",
                required: ["id", "forename", "surname", "answers"],
                properties: { id: { type: "string" }, forename: { type: "string" }, surname: { type: "string" }, dateOfBirth: { type: "string", format: "date" }, answers: { type: "array", items: ref("DocumentAnswer") } },
              },
            },
            answers: { type: "array", items: ref("DocumentAnswer") },
            files: {
              type: "array",
              items: {
                type: "object",
                required: ["id", "name", "contentType", "sizeBytes", "sha256", "downloadUrl"],
                additionalProperties: false,
                properties: {
                  id: { type: "string", format: "uuid" },
                  name: { type: "string" },
                  contentType: { type: "string" },
                  sizeBytes: { type: "integer", minimum: 0 },
                  sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
                  downloadUrl: { type: "string", format: "uri" },
                },
              },
            },
          },
        },
        Ack: {
          type: "object",
          required: ["caseSystemId"],
          properties: { caseSystemId: { type: "string", minLength: 1, maxLength: CASE_SYSTEM_ID_MAX, description: "The case system's own id for the record." } },
        },
        AckResult: { type: "object", required: ["reference", "delivery"], additionalProperties: false, properties: { reference: { type: "string" }, delivery: ref("Delivery") } },
        Response: { type: "object", required: ["response"], properties: { response: { type: "string", minLength: 1, maxLength: MAX_STAFF_TEXT } } },
        RequestInformation: {
          type: "object",
          required: ["reason"],
          properties: {
            reason: { type: "string", enum: [...INFORMATION_REASONS] },
            comments: { type: "string", maxLength: MAX_STAFF_TEXT, description: "Required when the reason is other." },
          },
        },
        AnswerResult: {
          type: "object",
          required: ["reference", "status"],
          additionalProperties: false,
          properties: { reference: { type: "string" }, status: { type: "string", enum: ["response-posted", "more-information-requested", "closed"] } },
        },
      },
    },
  };
}
