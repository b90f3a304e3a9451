import type { FormReader } from "@/lib/forms/question-types";
import { allValues, type PostedFields } from "@/lib/posted-fields";

/** Posted fields for the form engine: text values only (a file field is not an answer); `get` is a name's first value. */
export function formReader(fields: PostedFields): FormReader {
  const texts = (name: string) => allValues(fields, name).filter((value): value is string => typeof value === "string");
  return {
    get: (name) => {
      const first = allValues(fields, name)[0];
      return typeof first === "string" ? first : undefined;
    },
    getAll: texts,
  };
}
