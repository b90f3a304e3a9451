import type { FormState } from "./form-state";

/** The error summary's entries, in the order the fields appear on the page. */
export function errorList(state: FormState, fieldOrder: string[], fieldIdFor: (field: string) => string = (f) => f) {
  return fieldOrder.filter((field) => state.errors[field]).map((field) => ({ fieldId: fieldIdFor(field), text: state.errors[field]! }));
}
