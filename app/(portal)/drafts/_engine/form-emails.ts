import "server-only";
import type { DbOrTx } from "@/db/client";
import { queueSavedForLater } from "@/emails/form-emails";
import type { SessionUser } from "@/lib/auth/sessions";
import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import { jobSender } from "@/lib/jobs/boss";
import { draftPaths } from "./paths";

/** "Save for later": the email with a link to the saved form, queued in the caller's transaction. */
export async function emailSavedForLater(db: DbOrTx, user: SessionUser, draft: { id: string; expiresAt: Date }, formTitle: string): Promise<void> {
  await queueSavedForLater(db, jobSender(), user.email, {
    councilName: councilSettings().name,
    forename: user.forename,
    formTitle,
    link: new URL(draftPaths(draft.id).resume, appSettings().APP_URL).toString(),
    expiresAt: draft.expiresAt,
  });
}
