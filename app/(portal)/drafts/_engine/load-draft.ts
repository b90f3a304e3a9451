import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { referenceForSentDraft } from "@/lib/submissions/submit-draft";
import { requireUser } from "@/app/_auth/current-user";
import { isUuid } from "@/lib/security/uuid";
import { loadDraftForAction } from "./load-draft-for-action";

/**
 * The signed-in user's draft for a page, or a 404: someone else's draft, an expired one and a
 * made-up id all look the same. Not signed in: sign in first, then come back here. Cached for
 * the request, so a page and its metadata read the draft once.
 */
export const loadDraft = cache(async (draftId: string, returnTo: string) => {
  const user = await requireUser(returnTo);
  const loaded = await loadDraftForAction(user.userId, draftId);
  if (!loaded) {
    // Sent already (the back button after sending): show where it went, not a 404.
    const reference = isUuid(draftId) ? await referenceForSentDraft(getDb(), user.userId, draftId) : null;
    if (reference) redirect(`/submitted/${reference}/thank-you`);
    notFound();
  }
  return { user, ...loaded };
});
