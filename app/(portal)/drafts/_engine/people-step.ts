import "server-only";
import { COMPLETING_AS_QUESTION } from "@/lib/forms/completing-as";
import { checkPeople, readPersonRows } from "@/lib/forms/people";
import { MAX_PEOPLE } from "@/lib/forms/people-limits";
import type { Audience, Person } from "@/lib/forms/types";
import type { PostedFields } from "@/lib/posted-fields";
import { formReader } from "./form-reader";
import type { PeopleFormState } from "./people-state";

export type PeopleStep = { kind: "redraw"; state: PeopleFormState } | { kind: "confirmed"; people: Person[]; completingAs: Audience };

/** What the actions' schemas parse from a "Who is this about?" post (peopleFields); the rows of names are read from the posted fields. */
export type PeopleChoice = { completingAs: string; intent: string };

/** A posted "Who is this about?": a row added or removed (draw again), messages, or the people confirmed. */
export function peopleStep(fields: PostedFields, { completingAs, intent }: PeopleChoice, previous: PeopleFormState, audiences: readonly Audience[], knownIds: ReadonlySet<string> = new Set()): PeopleStep {
  const rows = readPersonRows(formReader(fields));
  const redraw = (changed: typeof rows, errors: Record<string, string> = {}): PeopleStep => ({
    kind: "redraw",
    state: { rows: changed, completingAs, errors, version: previous.version + 1 },
  });
  if (intent === "add-person") return redraw(rows.length < MAX_PEOPLE ? [...rows, { id: "", forename: "", surname: "" }] : rows);
  if (intent.startsWith("remove-person:")) {
    const index = Number(intent.slice("remove-person:".length));
    return redraw(rows.length > 1 ? rows.filter((_, at) => at !== index) : rows);
  }
  const { people, errors } = checkPeople(rows, knownIds);
  const choice = COMPLETING_AS_QUESTION.choices.find((candidate) => candidate.value === completingAs && audiences.includes(candidate.value));
  if (!choice) errors.completingAs = "Select who you are completing this form as";
  if (Object.keys(errors).length > 0 || !choice) return redraw(rows, errors);
  return { kind: "confirmed", people, completingAs: choice.value };
}
