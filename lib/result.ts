/**
 * The one result union of every lib/ domain verb (issue 20 point 2). Expected outcomes are return
 * values, never throws: a verb returns `{ status: "done", … }` (or its own named success such as
 * "found" or "started"), or one of these refusals. `invalid` always carries field errors keyed by
 * the form field (or API body field) they belong to, so a page shows each beside its field and the
 * API answers 422 with the same keys. Each domain picks the members it can return:
 *
 *   type AssignResult = Done | Invalid | NotFound | Forbidden | WrongState<SubmissionStatus>;
 */

/** Messages keyed by the field they are about ("response", "reason", "team"…). */
export type FieldErrors = Record<string, string>;

export type Done<T extends object = object> = { status: "done" } & T;
export type Invalid = { status: "invalid"; errors: FieldErrors };
/** Missing, or outside what the actor may see: the two are told apart by nobody. */
export type NotFound = { status: "not-found" };
/** The actor's kind of account may not do this at all (a referrer on the staff side). */
export type Forbidden = { status: "forbidden" };
/**
 * The record's state does not allow this (any more), with the state it is in: the caller words
 * each state ("expired", "used", "locked"). Like `Done<T>`, it may carry what that wording needs
 * (the masked address an invitation was sent to).
 */
export type WrongState<S extends string = string, T extends object = object> = { status: "wrong-state"; current: S } & T;

export type Result<T extends object = object, S extends string = string> = Done<T> | Invalid | NotFound | Forbidden | WrongState<S>;

/** `invalid` with one field's message. */
export const invalid = (field: string, message: string): Invalid => ({ status: "invalid", errors: { [field]: message } });
