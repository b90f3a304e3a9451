/**
 * Database errors without the values in them.
 *
 * postgres.js errors carry the statement and its parameters (`query`, `parameters`), and their
 * `detail` and sometimes their message quote values ("Key (email)=(jo@example.org) already
 * exists", `invalid input syntax for type uuid: "…"`); drizzle wraps them in an error whose
 * message is the statement and every parameter. Any of these printed by Next.js, a logger or a
 * crash handler would put emails, names, session ids or answers in the logs. So the database
 * client (db/client.ts) replaces each of them, where it is thrown, with a `DatabaseError` that
 * keeps only what identifies the failure: the Postgres error code, the constraint, the table.
 */
import { DrizzleQueryError } from "drizzle-orm";

const IDENTIFIER = /^[A-Za-z0-9_.$-]{1,128}$/;

export class DatabaseError extends Error {
  override readonly name = "DatabaseError";

  constructor(
    /** The SQLSTATE (`23505`), or postgres.js's own code for client-side failures (`CONNECTION_CLOSED`). */
    readonly code: string | undefined,
    readonly constraint: string | undefined,
    readonly table: string | undefined,
  ) {
    super(`Database error ${code ?? "without a code"}${constraint ? ` on ${constraint}` : ""}${table ? ` in ${table}` : ""}`);
  }
}

type Fields = { code?: unknown; constraint_name?: unknown; table_name?: unknown; cause?: unknown; name?: unknown };

function identifier(value: unknown): string | undefined {
  return typeof value === "string" && IDENTIFIER.test(value) ? value : undefined;
}

/** Whether the value came from drizzle or postgres.js (and so may quote values). */
export function isRawDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof DatabaseError) return false;
  // postgres.js's own errors (PostgresError, and client-side ones such as CONNECTION_CLOSED)
  // all carry the statement's parameters, enumerable or not.
  return error instanceof DrizzleQueryError || error.name === "PostgresError" || "parameters" in error;
}

/** A value-free copy of a drizzle or postgres.js error; anything else is returned as it is. */
export function scrubDatabaseError(error: unknown): unknown {
  if (!isRawDatabaseError(error)) return error;
  const outer = error as Fields;
  // drizzle's wrapper keeps the driver's error as its cause.
  const inner = (outer.cause && typeof outer.cause === "object" ? outer.cause : outer) as Fields;
  const scrubbed = new DatabaseError(identifier(inner.code) ?? identifier(outer.code), identifier(inner.constraint_name), identifier(inner.table_name));
  // The stack's first line repeats the message; the rest are code locations, kept for debugging.
  const frames = (error as Error).stack?.split("\n").filter((line) => /^\s+at /.test(line)) ?? [];
  scrubbed.stack = [`${scrubbed.name}: ${scrubbed.message}`, ...frames].join("\n");
  return scrubbed;
}
