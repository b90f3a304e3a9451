/**
 * Structured logging of events and ids: one JSON object a line on stdout, through pino.
 *
 * Never pass answers, names, addresses or email addresses here: they are children's and families'
 * personal data. As a second line of defence, fields under the keys in `REDACTED_KEYS` (at the top
 * level or one level down, and the authorization and cookie headers) print as "[Redacted]".
 *
 * A line: {"level":"info","at":"2026-…Z","pid":…,"hostname":…,"requestId":…,"event":"draft.saved-for-later","draftId":…}.
 * `requestId` is there when the line was written while a request was handled (lib/request-context.ts).
 * LOG_LEVEL (trace, debug, info, warn, error, fatal, silent; default info) sets what is written;
 * PORTAL_QUIET_LOGS=1 (the tests) writes nothing.
 */
import pino, { type Logger } from "pino";
import { currentRequestId } from "@/lib/request-context";

type Field = string | number | boolean | null | undefined;

/** Keys whose values are personal data or secrets wherever they appear in a log line. */
export const REDACTED_KEYS = [
  "email", "emailAddress", "toAddress", "name", "forename", "surname", "fullName", "dateOfBirth",
  "postcode", "address", "phone", "answers", "password", "newPassword", "currentPassword",
  "code", "token", "secret", "authorization", "cookie",
] as const;

const HEADER_PATHS = ["authorization", "cookie", '["set-cookie"]'].flatMap((header) => [
  `headers.${header}`.replace('.[', '['),
  `req.headers.${header}`.replace('.[', '['),
  `res.headers.${header}`.replace('.[', '['),
]);

export const REDACT_PATHS = [...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]), ...HEADER_PATHS];

const LEVELS = new Set(["trace", "debug", "info", "warn", "error", "fatal", "silent"]);

/** A logger writing to `destination` (process.stdout unless a test hands in its own). */
export function createLogger(destination: { write(line: string): unknown } = process.stdout, level = process.env.LOG_LEVEL): Logger {
  return pino(
    {
      level: level && LEVELS.has(level) ? level : "info",
      messageKey: "event",
      timestamp: () => `,"at":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[Redacted]" },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    // process.stdout, not pino's own file-descriptor writer: lines stay in order with the
    // launcher's other output, and are written at once (stdout is synchronous for files and pipes).
    destination as NodeJS.WritableStream,
  );
}

const LOGGER_KEY = Symbol.for("childrens-portal.logger");
const holder = globalThis as typeof globalThis & { [LOGGER_KEY]?: Logger };

/** The process's logger (one for the web server and Next's copy of this file alike). */
export function logger(): Logger {
  return (holder[LOGGER_KEY] ??= createLogger());
}

export function logEvent(event: string, fields: Record<string, Field> = {}): void {
  if (process.env.PORTAL_QUIET_LOGS === "1") return;
  logger().info(fields, event);
}

/** What Next.js tells `onRequestError` about the request (instrumentation.ts). */
export type FailedRequest = { path: string; method: string };
export type FailedRequestContext = { routePath?: string; routeType?: string };

const IDENTIFIER = /^[A-Za-z0-9_.$-]{1,128}$/;
/** A route's template, such as /drafts/[draftId]/pdf: names of segments, never their values. */
const ROUTE = /^[A-Za-z0-9_.\-/[\]()@]{1,300}$/;

function identifier(value: unknown): string | undefined {
  return typeof value === "string" && IDENTIFIER.test(value) ? value : undefined;
}

/**
 * One line for an unexpected error in a request, with nothing personal in it: never the error's
 * message, stack, statement or parameters (a database error's message can quote an email or a
 * session id), only its name, the Postgres error code (`errorCode`), constraint and table, Next's digest (the
 * reference the error page shows) and the route without its query string.
 */
export function requestErrorFields(error: unknown, request: FailedRequest, context: FailedRequestContext = {}): Record<string, Field> {
  const fields = (error && typeof error === "object" ? error : {}) as Record<string, unknown>;
  const cause = (fields.cause && typeof fields.cause === "object" ? fields.cause : {}) as Record<string, unknown>;
  return {
    digest: identifier(fields.digest),
    path: (request.path.split(/[?#]/)[0] ?? "/").slice(0, 300),
    route: typeof context.routePath === "string" && ROUTE.test(context.routePath) ? context.routePath : undefined,
    routeType: identifier(context.routeType),
    method: identifier(request.method),
    error: identifier(error instanceof Error ? error.name : typeof error),
    // Not "code": that key is redacted (it could be a sign-in code).
    errorCode: identifier(fields.code) ?? identifier(cause.code),
    constraint: identifier(fields.constraint) ?? identifier(fields.constraint_name) ?? identifier(cause.constraint_name),
    table: identifier(fields.table) ?? identifier(fields.table_name) ?? identifier(cause.table_name),
  };
}

export function logRequestError(error: unknown, request: FailedRequest, context: FailedRequestContext = {}): void {
  logEvent("request.error", requestErrorFields(error, request, context));
}
