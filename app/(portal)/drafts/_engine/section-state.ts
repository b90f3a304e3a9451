import type { AddressLookup } from "@/lib/address/address-provider";
import type { Answers } from "@/lib/forms/types";

/** What a section page's form shows: the answers to draw, messages, and the draft's revision. */
export type SectionFormState = {
  answers: Answers;
  errors: Record<string, string>;
  revision: number;
  /** Each address question's postcode lookup, for those awaiting a pick. */
  addressLookups: Record<string, AddressLookup>;
  /** Another tab or window saved this draft after this page was opened: nothing was saved. */
  isStale: boolean;
  /** Goes up whenever the server sends answers to draw, so the fields take the new values. */
  version: number;
};

export type AutosaveResult = { status: "saved"; revision: number } | { status: "stale" } | { status: "gone" };
