import type { PersonRow } from "@/lib/forms/people";

/** "Who is this about?" as the form shows it: the rows typed, the answer to "completing as", messages. */
export type PeopleFormState = {
  rows: PersonRow[];
  completingAs: string;
  errors: Record<string, string>;
  version: number;
};
