/**
 * Structured logging of events and ids. Never pass answers, names, addresses or email
 * addresses here: they are children's and families' personal data.
 */
type Field = string | number | boolean | null | undefined;

export function logEvent(event: string, fields: Record<string, Field> = {}): void {
  if (process.env.PORTAL_QUIET_LOGS === "1") return;
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), event, ...fields })}\n`);
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
 * session id), only its name, the Postgres error code, constraint and table, Next's digest (the
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
    code: identifier(fields.code) ?? identifier(cause.code),
    constraint: identifier(fields.constraint) ?? identifier(fields.constraint_name) ?? identifier(cause.constraint_name),
    table: identifier(fields.table) ?? identifier(fields.table_name) ?? identifier(cause.table_name),
  };
}

export function logRequestError(error: unknown, request: FailedRequest, context: FailedRequestContext = {}): void {
  logEvent("request.error", requestErrorFields(error, request, context));
}
