import "server-only";
/**
 * The one way to write a pull-API route handler (/api/v1/submissions/…): `apiRoute(operation,
 * run)`. Before `run` sees anything, the caller's key is checked (lib/delivery/api/authenticate.ts:
 * 401 for a missing, unknown or revoked key; 429 with Retry-After past the key's rate limit). A
 * handler answers with a Response, or with a refusal (`refuse(...)`) that becomes the API's one
 * error shape, `{ "error": { "code", "message", "fields"? } }`, and is audited with the key and
 * the HTTP status. Anything unexpected is logged with an id (names and codes only, never a
 * message or stack) and answered 500 with that id. The routes use no session or cookie: a key is
 * the only way in, which is also why the web server's same-origin rule does not apply to them
 * (lib/runtime/request-gate.ts).
 */
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { recordApiCall } from "@/lib/delivery/api/api-audit";
import { authenticate, type ApiKeyActor } from "@/lib/delivery/api/authenticate";
import { now } from "@/lib/clock";
import { logEvent, requestErrorFields } from "@/lib/log";
import { clientAddressOf } from "@/lib/security/client-address";

export type ApiErrorCode = "unauthorized" | "rate_limited" | "not_found" | "conflict" | "invalid_request" | "unsupported_media_type" | "busy" | "internal_error";

export class ApiRefusal {
  constructor(
    readonly httpStatus: number,
    readonly code: ApiErrorCode,
    readonly message: string,
    readonly fields?: Record<string, string>,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const notFound = () => new ApiRefusal(404, "not_found", "No submission with that reference, or no file with that id.");

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body)}\n`, { status, headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE, ...headers } });
}

export function errorResponse(refusal: ApiRefusal): Response {
  const error = { code: refusal.code, message: refusal.message, ...(refusal.fields ? { fields: refusal.fields } : {}) };
  return jsonResponse({ error }, refusal.httpStatus, refusal.headers);
}

export type ApiContext = { key: ApiKeyActor; now: Date; request: Request };

/**
 * A handler behind an API key. `operation` names the route in audit rows and logs (such as
 * "submission.read"); `reference` is the record's reference, when the route has one.
 */
export async function apiRoute(request: Request, operation: string, run: (context: ApiContext) => Promise<Response | ApiRefusal>): Promise<Response> {
  const db = getDb();
  const at = now();
  try {
    const auth = await authenticate(db, request.headers.get("authorization"), at, { ip: clientAddressOf(request.headers) });
    if (auth.status === "unauthorized") {
      logEvent("api.unauthorized", { operation });
      return errorResponse(new ApiRefusal(401, "unauthorized", "Send a valid API key: Authorization: Bearer cpk_…", undefined, { "WWW-Authenticate": 'Bearer realm="api"' }));
    }
    if (auth.status === "rate-limited") {
      logEvent("api.rate-limited", { operation, apiKeyId: auth.key.id });
      return errorResponse(new ApiRefusal(429, "rate_limited", `Too many requests with this key. Try again in ${auth.retryAfterSeconds} seconds.`, undefined, { "Retry-After": String(auth.retryAfterSeconds) }));
    }
    const answer = await run({ key: auth.key, now: at, request });
    if (answer instanceof ApiRefusal) {
      await recordApiCall(db, "api-request-refused", auth.key, { detail: { operation, httpStatus: answer.httpStatus } }, at);
      logEvent("api.refused", { operation, apiKeyId: auth.key.id, status: answer.httpStatus });
      return errorResponse(answer);
    }
    logEvent("api.call", { operation, apiKeyId: auth.key.id, status: answer.status });
    return answer;
  } catch (error) {
    const errorId = randomUUID();
    logEvent("api.error", { errorId, operation, ...requestErrorFields(error, { path: `/api/v1/${operation}`, method: request.method }) });
    return errorResponse(new ApiRefusal(500, "internal_error", `Something went wrong. Quote this id when reporting it: ${errorId}`));
  }
}

const MAX_BODY_BYTES = 64 * 1024;

/** A JSON object body (at most 64 KB), or a refusal saying what is wrong with it. */
export async function jsonBody(request: Request): Promise<Record<string, unknown> | ApiRefusal> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) return new ApiRefusal(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) return new ApiRefusal(422, "invalid_request", "The body is too large.");
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Answered below, as for a body that is JSON but not an object.
  }
  return new ApiRefusal(422, "invalid_request", "The body must be a JSON object.");
}
