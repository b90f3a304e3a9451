"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/app/_actions/server-action";
import { getDb } from "@/db/client";
import { deleteDraft } from "@/lib/drafts/drafts";
import { deleteDraftAttachments } from "@/lib/attachments";
import { getStorage } from "@/lib/storage";
import { logEvent } from "@/lib/log";
import { cancelDraftSchema } from "./schemas";

/** Cancel: deletes the user's own saved form (someone else's id, or no id at all, deletes nothing). */
export const cancelDraftAction = serverAction(
  { access: "user", returnTo: "/drafts", schema: cancelDraftSchema, onInvalid: () => redirect("/drafts?gone=1") },
  async ({ draftId }, { user }): Promise<void> => {
    // The draft's files go first (only this user's), so none is left without its draft.
    await deleteDraftAttachments({ db: getDb(), storage: getStorage() }, [draftId], { ownerId: user.userId });
    if (await deleteDraft(getDb(), user.userId, draftId)) {
      logEvent("draft.cancelled", { draftId });
      redirect("/drafts?cancelled=1");
    }
    redirect("/drafts?gone=1");
  },
);
