import type { AddressLookup } from "@/lib/address/address-provider";
import type { LiveField } from "@/lib/forms/page-fields";
import type { DrawnQuestion } from "@/lib/forms/section-form";
import type { Answers } from "@/lib/forms/types";

/**
 * What a section page's form shows: the answers to draw, messages, and the draft's revision.
 * Without JavaScript this state travels in the page (the action's bound argument) and back in
 * every post, so it holds only this section's answers and those its live conditions look at,
 * never the whole draft (section-view-state.ts).
 */
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

/**
 * What the form needs of its section: the questions drawn on it (worked out on the server from
 * the form definition, which never reaches the browser) and what its live conditions read.
 */
export type SectionOnPage = {
  id: string;
  description?: string;
  questions: DrawnQuestion[];
  /** The section's file question, whose upload forms sit after the page's form. */
  fileQuestionId?: string;
  /** This page's questions that another question on it depends on: read as the user answers. */
  liveFields: LiveField[];
};

export type AutosaveResult = { status: "saved"; revision: number } | { status: "stale" } | { status: "gone" };
