/**
 * Checks an API answer against the OpenAPI document the portal serves, as an integrator's tooling
 * would: the operation's response for that status and content type must exist, and a JSON body
 * must validate (ajv, draft 2020-12, strict, with formats) against its schema, with the
 * document's components resolved.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import { newAjv } from "./document-schema";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: { schemas: Record<string, unknown> } };

/** The document's `#/components/schemas/X` references, as the `$defs` of one schema. */
function rebased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebased);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === "$ref" && typeof inner === "string" ? inner.replace("#/components/schemas/", "#/$defs/") : rebased(inner)]));
  }
  return value;
}

export function openApiChecker(document: unknown) {
  const doc = document as Doc;
  const defs = rebased(doc.components.schemas) as Record<string, unknown>;
  const ajv = newAjv();
  return {
    /** [] when `response` (already read as `body`) is what the document says for this path and method. */
    errorsOf(path: string, method: string, response: Response, body?: unknown): string[] {
      const operation = doc.paths[path]?.[method.toLowerCase()];
      if (!operation) return [`no operation ${method} ${path}`];
      const declared = operation.responses[String(response.status)];
      if (!declared) return [`${method} ${path}: status ${response.status} not in the document`];
      const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
      if (!declared.content) return [];
      const media = declared.content[type];
      if (!media) return [`${method} ${path} ${response.status}: content type ${type} not in the document`];
      if (type !== "application/json") return [];
      const validate = ajv.compile({ ...(rebased(media.schema) as object), $defs: defs });
      return validate(body) ? [] : (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || "/"} ${error.message ?? error.keyword}`);
    },
  };
}
