/**
 * Next.js calls `onRequestError` for every unexpected error in a page, route handler, server
 * action or the proxy. It is the portal's one place that logs them, and it logs no personal
 * data: the error's name, Postgres code, constraint and table, the digest the error page
 * shows as its reference, and the route without its query (lib/log.ts). Database errors
 * arrive already stripped of statements and values (db/client.ts).
 */
import type { Instrumentation } from "next";
import { logRequestError } from "@/lib/log";

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  logRequestError(error, { path: request.path, method: request.method }, { routePath: context.routePath, routeType: context.routeType });
};
