/**
 * A post's fields as a plain read-only record: what the action wrapper (app/_actions/server-action.ts)
 * hands to a zod schema, and, for the few readers that need the raw fields (echoing what was typed
 * back into a form, the form engine's per-question answers, keeping a post), instead of the
 * FormData itself. A name posted once is its value; a name posted more than once is the array
 * of its values, in order. Next's own `$ACTION…` fields are left out.
 */
export type PostedValue = FormDataEntryValue | readonly FormDataEntryValue[];
export type PostedFields = Readonly<Record<string, PostedValue>>;

export function formFields(formData: FormData): PostedFields {
  const fields: Record<string, PostedValue> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    fields[key] = all.length === 1 ? all[0]! : Object.freeze(all);
  }
  return Object.freeze(fields);
}

/** Every value posted under `name`, in order (none: empty). */
export function allValues(fields: PostedFields, name: string): readonly FormDataEntryValue[] {
  const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as FormDataEntryValue];
}

/** Each posted name with each of its values, in order: the record as entries again. */
export function postedEntries(fields: PostedFields): [name: string, value: FormDataEntryValue][] {
  return Object.keys(fields).flatMap((name) => allValues(fields, name).map((value): [string, FormDataEntryValue] => [name, value]));
}
