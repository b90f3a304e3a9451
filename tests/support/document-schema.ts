/**
 * Validating a case-system document against its form version's JSON Schema the way an
 * integrator would: ajv for draft 2020-12, in strict mode (a schema keyword ajv does not know
 * fails the compile), with the standard formats (date, date-time, email, uri, uuid).
 */
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { jsonSchemaFor } from "@/lib/delivery/json-schema";
import type { FormDefinition } from "@/lib/forms/types";

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** A validator of documents of this form version; `errorsOf(document)` is [] when it passes. */
export function documentValidator(definition: FormDefinition): { errorsOf(document: unknown): ErrorObject[] } {
  const validate = newAjv().compile(jsonSchemaFor(definition, { appUrl: "http://localhost:3000" }));
  return { errorsOf: (document) => (validate(document) ? [] : [...(validate.errors ?? [])]) };
}

/** Errors as short lines, so a failed expectation says what was wrong. */
export function describeErrors(errors: readonly ErrorObject[]): string[] {
  return errors.map((error) => `${error.instancePath || "/"} ${error.message ?? error.keyword}`);
}
