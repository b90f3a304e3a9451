import type { FormReader } from "@/lib/forms/question-types";

/** Posted fields for the form engine: text values only (a file field is not an answer). */
export function formReader(formData: FormData): FormReader {
  return {
    get: (name) => {
      const value = formData.get(name);
      return typeof value === "string" ? value : undefined;
    },
    getAll: (name) => formData.getAll(name).filter((value): value is string => typeof value === "string"),
  };
}
