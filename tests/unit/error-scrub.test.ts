import { inspect } from "node:util";
import { DrizzleQueryError } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { DatabaseError, scrubDatabaseError } from "@/db/database-error";
import { onRequestError } from "@/instrumentation";
import { captureLogs } from "@/tests/support/captured-logs";

const EMAIL = "jo.bloggs@example.org";
const SESSION_ID = "5d7e3c1a-9b2f-4c8d-a1e6-2f3b4c5d6e7f";
const NAME = "Zebedee";

/** What postgres.js throws for a unique violation, with a value in every place one can hide. */
function fakePostgresError(): Error {
  const error = new postgres.PostgresError({
    message: `duplicate key value violates unique constraint "users_email_key" (${EMAIL})`,
    severity: "ERROR",
    code: "23505",
    detail: `Key (email)=(${EMAIL}) already exists.`,
    schema_name: "public",
    table_name: "users",
    constraint_name: "users_email_key",
  } as unknown as string);
  Object.assign(error, {
    query: `insert into users (email, forename, session_id) values ('${EMAIL}', '${NAME}', '${SESSION_ID}')`,
    parameters: [EMAIL, NAME, SESSION_ID],
  });
  return error;
}

/** drizzle's wrapper: its message is the statement and every parameter. */
function fakeDrizzleError(): Error {
  return new DrizzleQueryError('insert into "users" ("email", "forename", "session_id") values ($1, $2, $3)', [EMAIL, NAME, SESSION_ID], fakePostgresError());
}

const logs = captureLogs();

const request = { path: `/account/update?email=${encodeURIComponent(EMAIL)}&session=${SESSION_ID}`, method: "POST", headers: { cookie: `session=${SESSION_ID}` } };
const context = { routerKind: "App Router", routePath: "/account/update", routeType: "action", revalidateReason: undefined } as const;

describe("onRequestError (instrumentation.ts)", () => {
  it.each([
    ["postgres.js", fakePostgresError],
    ["drizzle", fakeDrizzleError],
    ["scrubbed by the database client", () => scrubDatabaseError(fakeDrizzleError())],
  ])("logs a %s error by code, constraint and table, with no email, name or session id", async (_kind, makeError) => {
    const error = Object.assign(makeError() as Error, { digest: "2719382847" });
    await onRequestError(error, request, context);

    expect(logs.lines()).toHaveLength(1);
    const line = logs.lines()[0]!;
    for (const secret of [EMAIL, NAME, SESSION_ID, "jo.bloggs", "insert into", "already exists"]) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({
      event: "request.error",
      digest: "2719382847",
      path: "/account/update",
      route: "/account/update",
      method: "POST",
      errorCode: "23505",
      constraint: "users_email_key",
      table: "users",
    });
  });

  it("logs any other error by its name only, never its message", async () => {
    await onRequestError(new TypeError(`Cannot read properties of ${EMAIL}`), { path: "/drafts", method: "GET", headers: {} }, { ...context, routeType: "render" });
    expect(logs.lines()[0]).not.toContain(EMAIL);
    expect(JSON.parse(logs.lines()[0]!)).toMatchObject({ event: "request.error", error: "TypeError", path: "/drafts" });
  });
});

describe("scrubDatabaseError (db/client.ts throws these)", () => {
  it("keeps the code, constraint and table, and nothing that prints a value", () => {
    const scrubbed = scrubDatabaseError(fakeDrizzleError());
    expect(scrubbed).toBeInstanceOf(DatabaseError);
    expect(scrubbed).toMatchObject({ code: "23505", constraint: "users_email_key", table: "users" });
    // What Next.js (or anything else) prints for an error is util.inspect of it: stack, own
    // properties and cause.
    const printed = inspect(scrubbed, { depth: 5, showHidden: true });
    for (const secret of [EMAIL, NAME, SESSION_ID, "insert into"]) expect(printed).not.toContain(secret);
  });

  it("leaves the app's own errors as they are", () => {
    const error = new Error("a draft went missing");
    expect(scrubDatabaseError(error)).toBe(error);
  });
});
