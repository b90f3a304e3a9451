/**
 * A person's name as a form field (forename, surname, a child's name): trimmed, required, capped,
 * and free of characters that are not part of any name but can disguise one. Control characters
 * (C0, DEL and C1) break emails, PDFs and CSV exports; bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) make a name display differently from how it is stored, so a
 * caseworker could be shown "Sam" for what the database and search know as something else.
 * Letters of every script, spaces, hyphens and apostrophes are all fine.
 *
 * Pure (zod only), so any form's schema can use it.
 */
import { z } from "zod";

export const NAME_DISGUISING_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const hasDisguisingCharacters = (value: string) => NAME_DISGUISING_CHARACTERS.test(value);

/**
 * The message for a name with a control or direction-changing character. Such characters are
 * invisible and nearly always arrive by pasting, so the message says how to get rid of them.
 */
export const disguisedNameMessage = (label: string) => `${label} must not include hidden formatting characters. Type it in rather than pasting it`;

/**
 * A required name field. `empty` is the message for a blank field ("Enter your forename");
 * `label` starts the other messages ("Forename must be 100 characters or fewer").
 */
export function personNameSchema(input: { empty: string; label: string; maxLength: number }) {
  const { empty, label, maxLength } = input;
  return z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(maxLength, `${label} must be ${maxLength} characters or fewer`)
    .refine((value) => !hasDisguisingCharacters(value), disguisedNameMessage(label));
}
