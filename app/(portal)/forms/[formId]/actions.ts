"use server";

import { redirect } from "next/navigation";
import { serverAction, stateAction } from "@/app/_actions/server-action";
import { getDb } from "@/db/client";
import { councilSettings } from "@/lib/config/council";
import { startDraft } from "@/lib/drafts/drafts";
import { startableFormById } from "@/lib/forms/catalogue";
import type { Audience, FormDefinition, Person } from "@/lib/forms/types";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { draftPaths } from "../../drafts/_engine/paths";
import { peopleStep } from "../../drafts/_engine/people-step";
import type { PeopleFormState } from "../../drafts/_engine/people-state";
import { forgetPendingForm, keepPendingForm, readPendingForm } from "./pending-form";
import { continuePendingFormSchema, startFormSchema } from "./schemas";

/** A form that is not there goes home. */
function home(): never {
  redirect("/");
}

/**
 * Starts a form from "Who is this about?". Signed in: a draft is made and the form opens. A
 * visitor: the names are kept in a signed cookie, and the form's overview opens; they sign in
 * or register at the first section that asks for details.
 */
export const startFormAction = stateAction(
  { access: "anyone", schema: startFormSchema, onInvalid: home },
  async ({ definition, ...choice }, { user, fields }, previous: PeopleFormState): Promise<PeopleFormState> => {
    const step = peopleStep(fields, choice, previous, definition.audiences);
    if (step.kind === "redraw") return step.state;
    if (!user) {
      await keepPendingForm({ formId: definition.id, people: step.people, completingAs: step.completingAs });
      redirect(`/forms/${definition.id}/overview`);
    }
    const draftId = await startDraftFor(user.userId, definition, step);
    redirect(draftPaths(draftId).section(definition.sections[0]!.id));
  },
);

/** Sign-in comes back to this form's "Continue" page; an unknown form, home. */
const continuePath = { field: "formId", isId: (formId: string) => startableFormById(formId) !== undefined, path: (formId: string) => `/forms/${formId}/continue`, otherwise: "/" };

/**
 * After signing in or registering: the visitor's pending form becomes their draft, and the
 * first section after the overview opens. The cookie is cleared with it, so a second post
 * finds nothing to make and goes to Recover a form.
 */
export const continuePendingFormAction = serverAction(
  { access: "user", returnTo: continuePath, schema: continuePendingFormSchema, onInvalid: home },
  async ({ definition }, { user }): Promise<void> => {
    const pending = await readPendingForm(definition.id);
    if (!pending) redirect("/drafts");
    await forgetPendingForm();
    const draftId = await startDraftFor(user.userId, definition, pending);
    const firstDetails = definition.sections.find((section) => section.questions.length > 0) ?? definition.sections[0]!;
    redirect(draftPaths(draftId).section(firstDetails.id));
  },
);

async function startDraftFor(ownerId: string, definition: FormDefinition, start: { people: Person[]; completingAs: Audience }): Promise<string> {
  const draft = await startDraft(getDb(), {
    ownerId,
    form: definition,
    retentionDays: councilSettings().draftRetentionDays,
    now: now(),
    people: start.people,
    answers: { completingAs: start.completingAs },
  });
  logEvent("draft.started", { draftId: draft.id, formId: definition.id });
  return draft.id;
}
