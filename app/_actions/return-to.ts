/**
 * Where sign-in comes back to after an action found no session (server-action.ts): a fixed
 * page, or the page of the record one posted id names. The id is checked here (a UUID, unless
 * `isId` says what else it may be), so no action builds a path from a posted value it has not
 * checked; a post without a good id comes back to `otherwise` (default /account).
 */
import type { PostedFields } from "@/lib/posted-fields";
import { isUuid } from "@/lib/security/uuid";

export type ReturnTo = string | { field: string; path: (id: string) => string; otherwise?: string; isId?: (value: string) => boolean };

export function returnToOf(returnTo: ReturnTo | undefined, fields: PostedFields): string {
  if (returnTo === undefined) return "/account";
  if (typeof returnTo === "string") return returnTo;
  const id = Object.hasOwn(fields, returnTo.field) ? fields[returnTo.field] : undefined;
  const isId = returnTo.isId ?? isUuid;
  return typeof id === "string" && isId(id) ? returnTo.path(id) : (returnTo.otherwise ?? "/account");
}
