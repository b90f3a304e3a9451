"use server";

import { redirect } from "next/navigation";
import { serverAction, stateAction } from "@/app/_actions/server-action";
import type { SessionUser } from "@/lib/auth/sessions";
import type { PostedFields } from "@/lib/posted-fields";
import { getDb } from "@/db/client";
import { getAddressProvider } from "@/lib/address/provider";
import { answersOnJourney, nextSection, previousSection } from "@/lib/forms/journey";
import { isConditionMet } from "@/lib/forms/conditions";
import { findDraftForOwner } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import type { SectionIntent } from "@/lib/forms/section-intents";
import { saveSection } from "@/lib/drafts/save-section";
import { sectionSaveDeps } from "./draft-deps";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { formReader } from "./form-reader";
import { sendDraft } from "./send";
import { pageAnswers, sectionFormState, sectionOnPage } from "./section-view-state";
import { draftPaths } from "./paths";
import { keepSectionPost } from "./kept-section";
import { sectionPostSchema, sendDraftSchema } from "./schemas";
import type { AutosaveResult, SectionFormState } from "./section-state";

type SectionPost = { draftId: string; sectionId: string; revision: number };

/** A section post's draft is the user's own resumed draft; sign-in comes back to it. */
const resumePath = { field: "draftId", path: (draftId: string) => draftPaths(draftId).resume };

/** A malformed draft id is a draft that is not there. */
function gone(): never {
  redirect("/drafts?gone=1");
}

/**
 * Posts a section page. Checks who is acting and that the draft is theirs (another person's
 * draft id behaves like one that does not exist), saves what was typed, then moves on, back,
 * to "Save for later", or redraws the page with its messages or its change. A post whose
 * session has ended is kept and saved after signing in again (kept-section.ts).
 */
export const saveSectionAction = stateAction(
  { access: "user", returnTo: resumePath, keep: keepSectionPost, schema: sectionPostSchema, onInvalid: gone },
  async (post, { user, fields }, previous: SectionFormState): Promise<SectionFormState> => {
    const { intent } = post;
    const { target, result } = await savePostedSection(user, post, fields, intent);
    if (result.status === "not-found") redirect("/drafts?gone=1");
    if (result.status === "stale") {
      logEvent("draft.save-stale", { draftId: target.draftId });
      const page = sectionOnPage(target.definition, target.section, result.answers);
      return { ...previous, answers: pageAnswers(page, result.answers), errors: {}, isStale: true, version: previous.version + 1 };
    }
    const paths = draftPaths(target.draftId);
    const { definition, section } = target;
    if (intent.kind === "save-for-later") {
      logEvent("draft.saved-for-later", { draftId: target.draftId });
      redirect(paths.saved);
    }
    if (intent.kind === "previous") {
      const previousId = previousSection(definition, result.answers, section.id);
      redirect(previousId ? paths.section(previousId) : paths.people);
    }
    if (intent.kind === "goto") {
      const goesTo = definition.sections.find((candidate) => candidate.id === intent.sectionId);
      redirect(goesTo ? paths.section(goesTo.id) : intent.sectionId === "check-answers" ? paths.checkAnswers : paths.people);
    }
    const isValid = Object.keys(result.errors).length === 0;
    if (intent.kind === "next" && isValid) {
      const nextId = nextSection(definition, result.answers, section.id);
      // The last section is Declaration & Submit, reached from Check your answers.
      redirect(nextId && nextId !== definition.sections.at(-1)?.id ? paths.section(nextId) : paths.checkAnswers);
    }
    if (intent.kind === "send" && isValid) redirect(paths.send);
    if (intent.kind === "send-confirmed" && isValid) await sendDraft(user, target.draftId);
    return sectionFormState(sectionOnPage(definition, section, result.answers), section, result.answers, {
      errors: intent.kind === "next" || intent.kind === "send" || intent.kind === "send-confirmed" ? result.errors : {},
      revision: result.revision,
      isStale: false,
      version: previous.version + 1,
    });
  },
);

/** Saves as the user types (JavaScript only): no checks shown, no moving on. */
export const autosaveSectionAction = serverAction(
  { access: "user", returnTo: resumePath, keep: keepSectionPost, schema: sectionPostSchema, onInvalid: gone },
  async (post, { user, fields }): Promise<AutosaveResult> => {
    const { result } = await savePostedSection(user, post, fields, { kind: "autosave" });
    if (result.status === "saved") return { status: "saved", revision: result.revision };
    return { status: result.status === "stale" ? "stale" : "gone" };
  },
);

/** "Send to Local Authority" confirmed on the page without JavaScript (/drafts/<id>/send). */
export const sendDraftAction = serverAction(
  { access: "user", returnTo: { field: "draftId", path: (draftId) => draftPaths(draftId).send }, schema: sendDraftSchema, onInvalid: gone },
  async ({ draftId }, { user }): Promise<void> => {
    await sendDraft(user, draftId);
  },
);

/** Saves the posted section; the answers are read from the posted fields by the engine, question by question. */
async function savePostedSection(user: SessionUser, post: SectionPost, fields: PostedFields, intent: SectionIntent) {
  const target = await postedSection(user, post);
  const result = await saveSection(sectionSaveDeps(), {
    ownerId: user.userId,
    draftId: target.draftId,
    draft: target.draft,
    definition: target.definition,
    section: target.section,
    expectedRevision: post.revision,
    form: formReader(fields),
    intent,
    addressProvider: getAddressProvider(),
  });
  return { target, result };
}

/** The acting user's draft and the section posted, which must be one that applies to its answers. */
async function postedSection(user: SessionUser, { draftId, sectionId }: SectionPost) {
  const draft = await findDraftForOwner(getDb(), user.userId, draftId, now());
  const definition = draft ? formById(draft.formId) : undefined;
  const section = definition?.sections.find((candidate) => candidate.id === sectionId);
  if (!draft || !definition || !section || !isConditionMet(section.showIf, answersOnJourney(definition, draft.answers))) redirect("/drafts?gone=1");
  return { draftId, draft, definition, section };
}
