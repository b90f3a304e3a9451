"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { getAddressProvider } from "@/lib/address/gazetteer";
import { answersOnJourney, nextSection, previousSection } from "@/lib/forms/journey";
import { isConditionMet } from "@/lib/forms/conditions";
import { findDraftForOwner } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import { parseIntent, type SectionIntent } from "@/lib/forms/section-intents";
import { saveSection } from "@/lib/drafts/save-section";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { emailSavedForLater } from "./form-emails";
import { formReader } from "./form-reader";
import { UUID } from "./load-draft-for-action";
import { sendDraft } from "./send";
import { addressMatchesFor } from "./address-matches";
import { draftPaths } from "./paths";
import type { AutosaveResult, SectionFormState } from "./section-state";

/**
 * Posts a section page. Checks who is acting and that the draft is theirs (another person's
 * draft id behaves like one that does not exist), saves what was typed, then moves on, back,
 * to "Save for later", or redraws the page with its messages or its change.
 */
export async function saveSectionAction(previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const intent = parseIntent(formData.get("intent"));
  const { target, result } = await savePostedSection(formData, intent);
  if (result.status === "not-found") redirect("/drafts?gone=1");
  if (result.status === "stale") {
    logEvent("draft.save-stale", { draftId: target.draftId });
    return { ...previous, answers: result.answers, errors: {}, isStale: true, version: previous.version + 1 };
  }
  const paths = draftPaths(target.draftId);
  const { definition, section } = target;
  if (intent.kind === "save-for-later") {
    await emailSavedForLater(getDb(), target.user, result.draft, definition.title);
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
  if (intent.kind === "send-confirmed" && isValid) await sendDraft(target.user, target.draftId);
  return {
    answers: result.answers,
    errors: intent.kind === "next" || intent.kind === "send" || intent.kind === "send-confirmed" ? result.errors : {},
    revision: result.revision,
    addressMatches: await addressMatchesFor(section, result.answers),
    isStale: false,
    version: previous.version + 1,
  };
}

/** Saves as the user types (JavaScript only): no checks shown, no moving on. */
export async function autosaveSectionAction(formData: FormData): Promise<AutosaveResult> {
  const { result } = await savePostedSection(formData, { kind: "autosave" });
  if (result.status === "saved") return { status: "saved", revision: result.revision };
  return { status: result.status === "stale" ? "stale" : "gone" };
}

/** "Send to Local Authority" confirmed on the page without JavaScript (/drafts/<id>/send). */
export async function sendDraftAction(formData: FormData): Promise<void> {
  const draftId = String(formData.get("draftId") ?? "");
  const user = await requireUser(draftPaths(draftId).send);
  await sendDraft(user, draftId);
}

async function savePostedSection(formData: FormData, intent: SectionIntent) {
  const target = await postedSection(formData);
  const result = await saveSection(getDb(), {
    ownerId: target.userId,
    draftId: target.draftId,
    draft: target.draft,
    definition: target.definition,
    section: target.section,
    expectedRevision: Number(formData.get("revision")),
    form: formReader(formData),
    intent,
    addressProvider: getAddressProvider(),
    now: now(),
  });
  return { target, result };
}

/** The acting user's draft and the section posted, which must be one that applies to its answers. */
async function postedSection(formData: FormData) {
  const draftId = String(formData.get("draftId") ?? "");
  const sectionId = String(formData.get("sectionId") ?? "");
  const user = await requireUser(draftPaths(draftId).resume);
  const draft = UUID.test(draftId) ? await findDraftForOwner(getDb(), user.userId, draftId, now()) : null;
  const definition = draft ? formById(draft.formId) : undefined;
  const section = definition?.sections.find((candidate) => candidate.id === sectionId);
  if (!draft || !definition || !section || !isConditionMet(section.showIf, answersOnJourney(definition, draft.answers))) redirect("/drafts?gone=1");
  return { user, userId: user.userId, draftId, draft, definition, section };
}
