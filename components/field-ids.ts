/**
 * The ids that tie a field to its hint and error message. Every control builds them the same
 * way so an error summary link (#id) and aria-describedby always agree with the markup.
 */
export type FieldIds = {
  hintId: string | undefined;
  errorId: string | undefined;
  /** Space-separated ids for aria-describedby, or undefined so no empty attribute is rendered. */
  describedBy: string | undefined;
};

export function fieldIds(id: string, { hasHint, hasError }: { hasHint: boolean; hasError: boolean }): FieldIds {
  const hintId = hasHint ? `${id}-hint` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: joinIds(hintId, errorId) };
}

export function joinIds(...ids: (string | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length > 0 ? present.join(" ") : undefined;
}
