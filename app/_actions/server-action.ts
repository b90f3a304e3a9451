import "server-only";
/**
 * The one way to write a server action. Every action in a "use server" file is
 * `export const xAction = serverAction(spec, run)` or `stateAction(spec, run)` (for forms that
 * use `useActionState`), and tests/checks/use-server-exports.ts fails any that is not, so none
 * can forget the three checks made here, in this order, before `run` sees anything:
 *
 * 1. same origin: a request that did not come from a page of ours (Sec-Fetch-Site, else
 *    Origin) gets the plain 403 page. The portal's web server refuses these before the body
 *    is read (lib/runtime/web-server.ts); this is the same rule again, where the action runs.
 * 2. who is acting: `anyone` (the session's user or null, even one who must change their
 *    password, so Logout works), `user` (else to sign-in, coming back to `returnTo`; a user who
 *    must change their password is sent to do that), `staff` (else "not allowed") or `admin` (a
 *    council admin; any other staff member gets the 404 page). A `user`
 *    action with `keep` whose session has ended keeps the post first (kept-posts.ts) and sign-in
 *    comes back to the page that gives it back, so nothing typed is lost to a timeout.
 * 3. the input: the posted fields through the action's zod schema; `run` gets the parsed
 *    value. What fails the schema goes to `onInvalid` (for form actions, field messages and
 *    the values typed; see `invalidFormState`), never to `run`.
 *
 * No action reads the FormData: the wrapper turns it into a plain read-only record once
 * (`formFields`, lib/posted-fields.ts), and everything an action reads comes through the schema
 * (`returnTo` names one posted id, which the wrapper checks, return-to.ts; tests/checks/
 * use-server-exports.ts fails a "use server" file that names FormData or formData). The record
 * itself is in the context, and in `onInvalid` and `keep`, only for what a schema cannot declare
 * or has refused: echoing back what was typed (`typedValues`), keeping a post whose session has
 * ended (its spec checks the target's ids; kept-posts.ts), and the form engine's
 * per-question answers, whose field names come from the form definition at run time (read
 * question by question through the engine's `formReader`, app/(portal)/drafts/_engine).
 *
 * Each call is timed into portal_server_action_duration_seconds by the action's name and its
 * outcome (ok, invalid, redirect, refused, error; lib/metrics).
 */
import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { requireCouncilAdmin, requireStaff, requireUser, sessionUser } from "@/app/_auth/current-user";
import { keptReturnTo, type KeepSpec } from "./kept-posts";
import { firstErrors, typedValues, type FormState } from "@/app/_forms/form-state";
import { formFields, type PostedFields } from "@/lib/posted-fields";
import { returnToOf, type ReturnTo } from "./return-to";
import { clientAddressOf } from "@/lib/security/client-address";
import { isSameOriginWrite } from "@/lib/security/same-origin";
import { appSettings } from "@/lib/config/env";
import type { SessionUser } from "@/lib/auth/sessions";
import { actionNameOf } from "@/lib/metrics/action-names";
import { ROUTE_PATTERN_HEADER } from "@/lib/request-context";
import { portalMetrics, timed } from "@/lib/metrics/registry";

type Access = "anyone" | "user" | "staff" | "admin";

export type ActionContext<A extends Access> = {
  user: A extends "anyone" ? SessionUser | null : SessionUser;
  /** The client's address, for throttles and audit rows. */
  ip: string | null;
  /** The posted fields, read-only: for echoing what was typed back (`typedValues`) and the form engine's per-question answers only. */
  fields: PostedFields;
};

type Spec<S extends z.ZodType, A extends Access, R> = {
  access: A;
  schema: S;
  /** Where sign-in comes back to (user, staff and admin actions): a path, or `{ field, path, otherwise }` (return-to.ts). */
  returnTo?: ReturnTo;
  /** `user` actions only: keep what was posted when the session has ended (see kept-posts.ts). */
  keep?: KeepSpec;
  /** What the caller gets for input that fails the schema. */
  onInvalid: (error: z.ZodError, fields: PostedFields) => R | Promise<R>;
};

async function checked<S extends z.ZodType, A extends Access, R>(spec: Spec<S, A, R>, formData: FormData) {
  const requestHeaders = await headers();
  if (!isSameOriginWrite(requestHeaders, appSettings().APP_URL)) forbidden();
  const fields = formFields(formData);
  const returnTo = returnToOf(spec.returnTo, fields);
  const user =
    spec.access === "admin"
      ? await requireCouncilAdmin(returnTo)
      : spec.access === "staff"
        ? await requireStaff(returnTo)
        : spec.access === "user"
          ? await requireUser((await keptReturnTo(spec.keep, fields)) ?? returnTo)
          : await sessionUser();
  const context = { user, ip: clientAddressOf(requestHeaders), fields } as ActionContext<A>;
  const parsed = spec.schema.safeParse(fields);
  return { context, parsed };
}

/**
 * Runs one call of an action, timed by its name and outcome. The name comes from the Next-Action
 * header that JavaScript posts carry; a form posted without JavaScript has no such header (React
 * takes the action's id out of the post before the action runs), so such a call is named by the
 * page it was posted to ("post:/account/sign-in", the web server's route pattern).
 */
async function measured<R>(work: (markInvalid: () => void) => Promise<R>): Promise<R> {
  const requestHeaders = await headers();
  const id = requestHeaders.get("next-action");
  const route = requestHeaders.get(ROUTE_PATTERN_HEADER);
  const action = id ? actionNameOf(id) : route ? `post:${route}` : "unknown";
  let isInvalid = false;
  return timed(
    (seconds, outcome) => portalMetrics().serverActionDuration.observe({ action, outcome }, seconds),
    () => work(() => (isInvalid = true)),
    () => (isInvalid ? "invalid" : "ok"),
  );
}

/** An action posted by a form (or called with no arguments): `(formData) => result`. */
export function serverAction<S extends z.ZodType, A extends Access, R>(
  spec: Spec<S, A, R>,
  run: (input: z.output<S>, context: ActionContext<A>) => Promise<R>,
): (formData?: FormData) => Promise<R> {
  return async (formData = new FormData()) =>
    measured(async (markInvalid) => {
      const { context, parsed } = await checked(spec, formData);
      if (!parsed.success) {
        markInvalid();
        return spec.onInvalid(parsed.error, context.fields);
      }
      return run(parsed.data, context);
    });
}

/** An action behind `useActionState`: `(previous, formData) => state`. */
export function stateAction<S extends z.ZodType, A extends Access, State>(
  spec: Spec<S, A, State>,
  run: (input: z.output<S>, context: ActionContext<A>, previous: State) => Promise<State>,
): (previous: State, formData: FormData) => Promise<State> {
  return async (previous, formData) =>
    measured(async (markInvalid) => {
      const { context, parsed } = await checked(spec, formData);
      if (!parsed.success) {
        markInvalid();
        return spec.onInvalid(parsed.error, context.fields);
      }
      return run(parsed.data, context, previous);
    });
}

/** For form actions: each field's first message, and every value typed but `omit` (passwords). */
export function invalidFormState(omit: string[] = []) {
  return (error: z.ZodError, fields: PostedFields): FormState => ({
    errors: firstErrors(z.flattenError(error).fieldErrors as Record<string, string[] | undefined>),
    values: typedValues(fields, omit),
  });
}
