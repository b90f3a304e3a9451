"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/app/_actions/server-action";
import { getDb } from "@/db/client";
import { councilSettings } from "@/lib/config/council";
import { startAddInfoDraft } from "@/lib/referrals";
import { getStorage } from "@/lib/storage";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { addInfoSchema } from "./schemas";

/**
 * "Add info": opens the form the council sent back as a new saved form with its answers, for
 * its owner only (another user's id, or a form not awaiting information, goes nowhere).
 */
export const addInfoAction = serverAction(
  { access: "user", returnTo: "/submitted", schema: addInfoSchema, onInvalid: () => redirect("/submitted?gone=1") },
  async ({ submissionId }, { user }): Promise<void> => {
    // The returned form opens with the files that were sent, as copies the draft can change,
    // made with the draft in one step (a failure leaves nothing, and pressing again retries).
    const result = await startAddInfoDraft({ db: getDb(), now: now(), storage: getStorage() }, user, { submissionId, retentionDays: councilSettings().draftRetentionDays });
    if (result.status !== "started") redirect("/submitted?gone=1");
    logEvent("referral.add-info-started", { submissionId, draftId: result.draftId });
    redirect(`/drafts/${result.draftId}`);
  },
);
