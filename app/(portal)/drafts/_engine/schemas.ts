/**
 * What the form engine's actions read from a post besides the answers: which draft and section,
 * the revision the page was drawn from, and the button pressed. The answers themselves are
 * parsed by the engine, question by question (formReader and lib/forms).
 */
import { z } from "zod";
import { parseIntent } from "@/lib/forms/section-intents";
import { isUuid } from "@/lib/security/uuid";

/** Anything but a draft id is a draft that is not there. */
export const draftIdField = z.string().refine(isUuid);

/** An absent or unreadable revision can only be stale, which saveDraft says itself. */
export const revisionField = z.string().default("").transform(Number);

export const sectionPostSchema = z.object({
  draftId: draftIdField,
  sectionId: z.string(),
  revision: revisionField,
  // Anything unknown counts as Next, the page's main button.
  intent: z.string().optional().transform(parseIntent),
});

/** "Who is this about?" (starting a form, changing a draft's people): who is completing it, and the button pressed (add or remove a row, else confirm). The rows of names are read by the engine (peopleStep). */
export const peopleFields = {
  completingAs: z.string().default(""),
  intent: z.string().default("confirm"),
};

/** "Send to Local Authority" without JavaScript: the draft only. */
export const sendDraftSchema = z.object({ draftId: draftIdField });
