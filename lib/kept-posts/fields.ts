/**
 * Which posted fields a kept post holds: text values only (files go through their own upload
 * route and are never kept), without Next's own `$ACTION…` fields and without anything named
 * like a password. The values are answers: they are encrypted, never logged.
 */
import { postedEntries, type PostedFields } from "@/lib/posted-fields";

export type KeptFields = [name: string, value: string][];

const NEVER_KEPT = /^\$ACTION|password/i;

export function keptFieldsOf(posted: PostedFields): KeptFields {
  const fields: KeptFields = [];
  for (const [name, value] of postedEntries(posted)) {
    if (typeof value === "string" && !NEVER_KEPT.test(name)) fields.push([name, value]);
  }
  return fields;
}

/** The kept fields as posted fields again, for the code that reads posts (the form engine's formReader). */
export function postedFieldsOf(fields: KeptFields): PostedFields {
  const posted: Record<string, string | string[]> = {};
  for (const [name, value] of fields) {
    const before = posted[name];
    posted[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return posted;
}

/** The kept fields as a form's values (the first of each name), for a form shown pre-filled. */
export function valuesOf(fields: KeptFields): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of fields) if (!(name in values)) values[name] = value;
  return values;
}
