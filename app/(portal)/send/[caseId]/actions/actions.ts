"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import { sendDeps } from "@/app/_send/send-deps";
import { draftPaths } from "@/app/(portal)/drafts/_engine/paths";
import { openAssignedForm } from "@/lib/send/assigned-forms";
import { logEvent } from "@/lib/log";

/**
 * Opens a form from "Items to complete": the family member's draft of it (started now if needed),
 * then the form engine's own pages. The action checks the user and their access itself.
 */
export async function openAssignedFormAction(formData: FormData): Promise<void> {
  const caseId = String(formData.get("caseId") ?? "");
  const actionId = String(formData.get("actionId") ?? "");
  const user = await requireUser(`/send/${caseId}/actions`);
  const result = await openAssignedForm(sendDeps(), { userId: user.userId }, { caseId, actionId });
  if (result.status === "not-found") notFound();
  if (result.status === "started-by-someone-else") redirect(`/send/${caseId}/actions?taken=1`);
  logEvent("send.assigned-form.opened", { caseId, actionId, draftId: result.draftId, userId: user.userId });
  // A new form starts at its first page (the form's own guidance); one already begun resumes where it was left.
  redirect(result.isNew ? draftPaths(result.draftId).section(result.firstSectionId) : draftPaths(result.draftId).resume);
}
