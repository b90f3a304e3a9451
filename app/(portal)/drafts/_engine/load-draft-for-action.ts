import "server-only";
import { getDb } from "@/db/client";
import { findDraftForOwner } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import { sectionStates } from "@/lib/forms/journey";
import { sectionValidator } from "@/lib/forms/section-form";
import { now } from "@/lib/clock";
import { isUuid } from "@/lib/security/uuid";

/** In an action: the acting user's draft with its definition and section states, or null. */
export async function loadDraftForAction(ownerId: string, draftId: unknown) {
  if (typeof draftId !== "string" || !isUuid(draftId)) return null;
  const draft = await findDraftForOwner(getDb(), ownerId, draftId, now());
  const definition = draft ? formById(draft.formId) : undefined;
  if (!draft || !definition) return null;
  const statuses = sectionStates(definition, draft.answers, sectionValidator(definition, draft.answers, draft.people));
  return { draft, definition, statuses };
}
