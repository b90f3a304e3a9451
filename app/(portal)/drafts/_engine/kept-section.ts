import "server-only";
/**
 * A section post kept while the session had ended (issue 15): what the wrapper keeps for the
 * section actions, and how the section page, reached after signing in again, puts it into the
 * draft. It is saved through the same path as any section post (lib/drafts/save-section.ts),
 * on top of the draft as it is now, so the answer typed before the timeout is the one kept.
 */
import type { KeepSpec } from "@/app/_actions/kept-posts";
import { takeKept } from "@/app/_actions/kept-posts";
import { getDb } from "@/db/client";
import { getAddressProvider } from "@/lib/address/provider";
import type { SessionUser } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { findDraftForOwner, type Draft } from "@/lib/drafts/drafts";
import { saveSection } from "@/lib/drafts/save-section";
import { formById } from "@/lib/forms/catalogue";
import { parseIntent } from "@/lib/forms/section-intents";
import type { FormDefinition, Section } from "@/lib/forms/types";
import { postedFieldsOf } from "@/lib/kept-posts/fields";
import { sectionSaveDeps } from "./draft-deps";
import { formReader } from "./form-reader";
import { isUuid } from "@/lib/security/uuid";
import { draftPaths } from "./paths";

/** The query parameter naming a kept post on the page sign-in returns to. */
export const KEPT_PARAM = "kept";

/** Kept for the ended session's person only if the draft is theirs and the section is one of its form's. */
export const keepSectionPost: KeepSpec = {
  kind: "section",
  async targetOf(fields, userId) {
    const { draftId, sectionId } = fields;
    if (typeof draftId !== "string" || !isUuid(draftId) || typeof sectionId !== "string") return null;
    const draft = await findDraftForOwner(getDb(), userId, draftId, now());
    if (!draft || !formById(draft.formId)?.sections.some((section) => section.id === sectionId)) return null;
    return { targetId: draftId, restorePath: (keptId) => `${draftPaths(draftId).section(sectionId)}?${KEPT_PARAM}=${keptId}` };
  },
};

/**
 * Saves the kept post `keptId` into this section of the user's draft, once. Null when there is
 * none for this person, draft and browser (used, expired, someone else's) or it was for another
 * section; else the saved answers, and the messages if the button pressed was Next.
 */
export async function restoreKeptSection(user: SessionUser, target: { draft: Draft; definition: FormDefinition; section: Section }, keptId: string | undefined) {
  const fields = await takeKept("section", keptId, target.draft.id, user.userId);
  if (!fields) return null;
  const posted = formReader(postedFieldsOf(fields));
  if (posted.get("sectionId") !== target.section.id) return null;
  const intent = parseIntent(posted.get("intent"));
  const result = await saveSection(sectionSaveDeps(), {
    ownerId: user.userId,
    draftId: target.draft.id,
    draft: target.draft,
    definition: target.definition,
    section: target.section,
    // On top of the draft as it is now: the page it was typed on may be older than the latest save.
    expectedRevision: target.draft.revision,
    form: posted,
    // Only a change of the page itself (Answer for, Add another) is applied; nothing moves on or is sent.
    intent: intent.kind === "change" ? intent : { kind: "autosave" },
    addressProvider: getAddressProvider(),
  });
  if (result.status !== "saved") return null;
  return { answers: result.answers, revision: result.revision, errors: intent.kind === "next" ? result.errors : {} };
}
