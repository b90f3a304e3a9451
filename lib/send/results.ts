/**
 * The one result union of every SEND change (issue 20): `{ status: "done", …what was made }`, or a
 * refusal the caller expects and shows: "invalid" with a message per field (the page puts each
 * beside its field and in the error summary), "not-found" (no such record in the actor's teams or
 * family access: never told apart from "not yours"), "forbidden" (not staff), "wrong-state" (the
 * record is past the point where this change applies). Nothing throws for an expected refusal.
 */
export type FieldErrors = Record<string, string>;
export type Done<T extends object = object> = { status: "done" } & T;
export type Forbidden = { status: "forbidden" };
export type NotFound = { status: "not-found" };
export type Invalid = { status: "invalid"; errors: FieldErrors };
export type WrongState = { status: "wrong-state" };

/** A change's result: done with `T`, or one of the refusals it can meet (all of them unless narrowed). */
export type SendResult<T extends object = object, Refusal = Invalid | NotFound | Forbidden | WrongState> = Done<T> | Refusal;
