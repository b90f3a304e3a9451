/**
 * The request a piece of work belongs to, carried through every await with AsyncLocalStorage:
 * the portal's web server (lib/runtime/web-server.ts) runs each request inside `runInRequest`,
 * and every log line written while it is handled carries its id (lib/log.ts).
 *
 * The storage is kept on globalThis: the web server loads this file through tsx while Next.js
 * bundles its own copy into the routes, and both must share one store.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export const REQUEST_ID_HEADER = "x-request-id";
/** The request's route pattern, set by the web server for Next (the server actions' metrics); never a client's. */
export const ROUTE_PATTERN_HEADER = "x-portal-route";

export type RequestContext = { requestId: string };

const STORE_KEY = Symbol.for("childrens-portal.request-context");
const holder = globalThis as typeof globalThis & { [STORE_KEY]?: AsyncLocalStorage<RequestContext> };
const store = (holder[STORE_KEY] ??= new AsyncLocalStorage<RequestContext>());

export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return store.run(context, work);
}

/** The id of the request being handled, or undefined outside one (the worker, start-up). */
export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}
