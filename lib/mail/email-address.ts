/**
 * What counts as an email address, everywhere the portal takes one: accounts, staff invitations,
 * SEND requestors and family invitations, and form answers. Shape only: whether mail arrives is
 * the outbox's business.
 *
 * The portal had two rules; this is the stricter of them, part by part. Before the @, zod's
 * `z.email()` rule: letters, digits and _ ' + - with single dots between them (no leading,
 * trailing or double dot, none of RFC 5322's rarer characters such as ! # or quoted names).
 * After it, the form questions' rule: dot-separated labels that neither start nor end with a
 * hyphen, ending in a top-level domain of 2 or more letters (no bare hosts, no IP addresses).
 * At most 254 characters, RFC 5321's limit on a forward path: longer ones cannot be delivered.
 */
import { z } from "zod";

export const EMAIL_MAX_LENGTH = 254;

/** "Enter an email address in the correct format, like name@example.com" (GOV.UK's words). */
export const emailFormatMessage = (example = "name@example.com") => `Enter an email address in the correct format, like ${example}`;
export const EMAIL_FORMAT_MESSAGE = emailFormatMessage();

const LOCAL_PART = String.raw`(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+\-]`;
const DOMAIN = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}`;
const EMAIL_ADDRESS = new RegExp(`^${LOCAL_PART}@${DOMAIN}$`);

export const isEmailAddress = (text: string): boolean => text.length <= EMAIL_MAX_LENGTH && EMAIL_ADDRESS.test(text);

/** For a zod schema, after its own trimming and "enter your email address" checks: `.pipe(emailAddressSchema())`. */
export const emailAddressSchema = (message = EMAIL_FORMAT_MESSAGE) => z.string().refine(isEmailAddress, message);
