"use server";

import { notFound, redirect } from "next/navigation";
import { serverAction } from "@/app/_actions/server-action";
import { sendDeps } from "@/app/_send/send-deps";
import { draftPaths } from "@/app/(portal)/drafts/_engine/paths";
import { openAssignedForm } from "@/lib/send/assigned-forms";
import { logEvent } from "@/lib/log";
import { openAssignedFormSchema } from "./schemas";

/**
 * Opens a form from "Items to complete": the family member's draft of it (started now if needed),
 * then the form engine's own pages. lib/send checks the user's access to the case.
 */
export const openAssignedFormAction = serverAction(
  {
    access: "user",
    returnTo: { field: "caseId", path: (caseId) => `/send/${caseId}/actions`, otherwise: "/send" },
    schema: openAssignedFormSchema,
    onInvalid: () => notFound(),
  },
  async ({ caseId, actionId }, { user }): Promise<void> => {
    const result = await openAssignedForm(sendDeps(), { userId: user.userId }, { caseId, actionId });
    if (result.status === "not-found") notFound();
    if (result.status === "wrong-state") redirect(`/send/${caseId}/actions?taken=1`);
    logEvent("send.assigned-form.opened", { caseId, actionId, draftId: result.draftId, userId: user.userId });
    // A new form starts at its first page (the form's own guidance); one already begun resumes where it was left.
    redirect(result.isNew ? draftPaths(result.draftId).section(result.firstSectionId) : draftPaths(result.draftId).resume);
  },
);
