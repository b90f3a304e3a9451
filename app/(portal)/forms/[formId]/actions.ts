"use server";

import { redirect } from "next/navigation";
import { currentUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { councilSettings } from "@/lib/config/council";
import { startDraft } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { draftPaths } from "../../drafts/_engine/paths";
import { peopleStep } from "../../drafts/_engine/people-step";
import type { PeopleFormState } from "../../drafts/_engine/people-state";
import { keepPendingForm } from "./pending-form";

/**
 * Starts a form from "Who is this about?". Signed in: a draft is made and the form opens. A
 * visitor: the names are kept in a signed cookie, and the form's overview opens; they sign in
 * or register at the first section that asks for details.
 */
export async function startFormAction(previous: PeopleFormState, formData: FormData): Promise<PeopleFormState> {
  const definition = formById(String(formData.get("formId") ?? ""));
  if (!definition) redirect("/");
  const step = peopleStep(formData, previous, definition.audiences);
  if (step.kind === "redraw") return step.state;
  const user = await currentUser();
  if (!user) {
    await keepPendingForm({ formId: definition.id, people: step.people, completingAs: step.completingAs });
    redirect(`/forms/${definition.id}/overview`);
  }
  const draft = await startDraft(getDb(), {
    ownerId: user.userId,
    form: definition,
    retentionDays: councilSettings().draftRetentionDays,
    now: now(),
    people: step.people,
    answers: { completingAs: step.completingAs },
  });
  logEvent("draft.started", { draftId: draft.id, formId: definition.id });
  redirect(draftPaths(draft.id).section(definition.sections[0]!.id));
}
