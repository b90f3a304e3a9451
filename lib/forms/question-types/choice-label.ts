/** Choice answers are stored as values; people read labels. */
import type { Choice } from "../types";

// A value no longer among the choices (the definition changed since) is shown as stored rather than lost.
export function choiceLabel(choices: Choice[], value: string): string {
  return choices.find((choice) => choice.value === value)?.label ?? value;
}
