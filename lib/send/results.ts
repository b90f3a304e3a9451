/**
 * SEND's names for the one result union of every lib/ domain verb (lib/result.ts, issue 20):
 * `{ status: "done", …what was made }`, or a refusal the caller expects and shows: "invalid" with
 * a message per field, "not-found" (no such record in the actor's teams or family access: never
 * told apart from "not yours"), "forbidden" (not staff), "wrong-state" (the record is past the
 * point where this change applies). Nothing throws for an expected refusal.
 */
import type { Done, Forbidden, Invalid, NotFound, WrongState } from "@/lib/result";

export type { Done, FieldErrors, Forbidden, Invalid, NotFound, WrongState } from "@/lib/result";

/** A change's result: done with `T`, or one of the refusals it can meet (all of them unless narrowed). */
export type SendResult<T extends object = object, Refusal = Invalid | NotFound | Forbidden | WrongState> = Done<T> | Refusal;
