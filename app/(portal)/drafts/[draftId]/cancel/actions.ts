"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { deleteDraft } from "@/lib/drafts/drafts";
import { deleteDraftAttachments } from "@/lib/attachments";
import { getStorage } from "@/lib/storage";
import { logEvent } from "@/lib/log";
import { UUID } from "../../_engine/load-draft-for-action";

/** Cancel: deletes the user's own saved form (someone else's id deletes nothing). */
export async function cancelDraftAction(formData: FormData): Promise<void> {
  const draftId = String(formData.get("draftId") ?? "");
  const user = await requireUser("/drafts");
  // The draft's files go first (only this user's), so none is left without its draft.
  if (UUID.test(draftId)) await deleteDraftAttachments(getDb(), getStorage(), [draftId], { ownerId: user.userId });
  if (UUID.test(draftId) && (await deleteDraft(getDb(), user.userId, draftId))) {
    logEvent("draft.cancelled", { draftId });
    redirect("/drafts?cancelled=1");
  }
  redirect("/drafts?gone=1");
}
