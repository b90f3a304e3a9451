/**
 * A section page posted: its answers read and checked by the form engine, any page change
 * applied, and the draft saved if the copy the page was opened from is still the latest.
 * Saved even when answers fail their checks (what was typed is kept, with the messages): only
 * moving on needs a valid section. "Save for later" also emails the owner a link to the draft,
 * queued in the save's own transaction. The caller decides where to go next.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import type { AddressProvider } from "@/lib/address/address-provider";
import { resolveAddressInput } from "@/lib/forms/question-types/address";
import { readSection, type FieldErrors } from "@/lib/forms/section-form";
import { applyPageChange, type SectionIntent } from "@/lib/forms/section-intents";
import type { FormReader } from "@/lib/forms/question-types";
import type { Answers, FormDefinition, Person, Section } from "@/lib/forms/types";
import { isPerPersonAnswer } from "@/lib/forms/per-person";
import type { SectionSaveDeps } from "./deps";
import { findDraftForOwner, saveDraft, type Draft } from "./drafts";

export type SaveSectionResult =
  | { status: "not-found" }
  /** Another tab saved first: nothing was written; `answers` is what this page posted. */
  | { status: "stale"; answers: Answers; draft: Draft }
  | { status: "saved"; answers: Answers; errors: FieldErrors; revision: number; draft: Draft };

export async function saveSection(
  deps: SectionSaveDeps,
  input: {
    ownerId: string;
    draftId: string;
    /** The draft as the caller already read it for this owner (saves a second read); read here when absent. */
    draft?: Draft;
    definition: FormDefinition;
    section: Section;
    expectedRevision: number;
    form: FormReader;
    intent: SectionIntent;
    addressProvider: AddressProvider;
  },
): Promise<SaveSectionResult> {
  const { now } = deps;
  const draft = input.draft ?? (await findDraftForOwner(deps.db, input.ownerId, input.draftId, now));
  // The update below is scoped by owner too, so a draft passed in can only be the owner's own.
  if (!draft || draft.id !== input.draftId) return { status: "not-found" };
  const people: Person[] = draft.people;
  const read = await readSection({
    definition: input.definition,
    section: input.section,
    people,
    answers: draft.answers,
    form: input.form,
    prepare: (question, raw) => (question.type === "address" ? resolveAddressInput(raw, input.addressProvider, storedAnswer(draft.answers[question.id])) : Promise.resolve(raw)),
  });
  const answers = input.intent.kind === "change" ? applyPageChange(input.intent.change, input.section, people, read.answers) : read.answers;
  if (draft.revision !== input.expectedRevision) return { status: "stale", answers, draft };
  const save = (db: DbOrTx) => saveDraft(db, { ownerId: input.ownerId, draftId: input.draftId, expectedRevision: input.expectedRevision, answers, currentSectionId: input.section.id, now });
  const saved =
    input.intent.kind === "save-for-later"
      ? await deps.db.transaction(async (tx) => {
          const result = await save(tx);
          if (result.status === "saved") await emailSavedForLater(deps, tx, input.ownerId, draft, input.definition.title);
          return result;
        })
      : await save(deps.db);
  if (saved.status === "not-found") return { status: "not-found" };
  if (saved.status === "stale") return { status: "stale", answers, draft };
  return { status: "saved", answers, errors: read.errors, revision: saved.revision, draft: { ...draft, answers, revision: saved.revision, currentSectionId: input.section.id } };
}

/** "Save for later": the owner is emailed the link that opens the draft after sign-in (the app's /drafts/<id>). */
async function emailSavedForLater(deps: SectionSaveDeps, tx: DbOrTx, ownerId: string, draft: Draft, formTitle: string): Promise<void> {
  const [owner] = await tx.select({ email: users.email, forename: users.forename }).from(users).where(eq(users.id, ownerId));
  if (!owner) throw new Error("draft owner not found");
  const link = new URL(`/drafts/${draft.id}`, deps.appUrl).toString();
  await deps.mail(tx, { kind: "saved-for-later", to: owner.email, forename: owner.forename, formTitle, link, expiresAt: draft.expiresAt, draftId: draft.id });
}

// An address question is never per-person; a per-person shape here is not an address to reuse.
function storedAnswer(answer: Answers[string] | undefined) {
  return answer === undefined || isPerPersonAnswer(answer) ? undefined : answer;
}
