/**
 * Ids arrive from URLs, posts, cookies and file names: anything that is not a uuid is "not
 * found", never a database error. One rule everywhere: the canonical 8-4-4-4-12 hex form, in
 * either case (Postgres accepts and compares both), with nothing before or after it.
 */

/** A uuid as a regular expression's source, without anchors, for patterns that contain one. */
export const UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

const UUID = new RegExp(`^${UUID_PATTERN}$`);

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
