"use server";

import { redirect } from "next/navigation";
import { stateAction } from "@/app/_actions/server-action";
import { getDb } from "@/db/client";
import { findDraftForOwner, saveDraft } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import { isPerPersonAnswer, syncPeople } from "@/lib/forms/per-person";
import type { Answers } from "@/lib/forms/types";
import { now } from "@/lib/clock";
import { draftPaths } from "../../_engine/paths";
import { peopleStep } from "../../_engine/people-step";
import type { PeopleFormState } from "../../_engine/people-state";
import { updatePeopleSchema } from "./schemas";

/**
 * Changes who a draft is about. People kept keep their answers; people added join the main
 * answer of each per-person question; people removed leave it. Refused when another tab saved
 * the draft since this page opened.
 */
export const updatePeopleAction = stateAction(
  {
    access: "user",
    returnTo: { field: "draftId", path: (draftId) => draftPaths(draftId).people },
    schema: updatePeopleSchema,
    onInvalid: () => redirect("/drafts?gone=1"),
  },
  async ({ draftId, revision, ...choice }, { user, fields }, previous: PeopleFormState): Promise<PeopleFormState> => {
    const draft = await findDraftForOwner(getDb(), user.userId, draftId, now());
    const definition = draft ? formById(draft.formId) : undefined;
    if (!draft || !definition) redirect("/drafts?gone=1");
    const step = peopleStep(fields, choice, previous, definition.audiences, new Set(draft.people.map((person) => person.id)));
    if (step.kind === "redraw") return step.state;
    const answers: Answers = { completingAs: step.completingAs };
    for (const [id, answer] of Object.entries(draft.answers)) {
      if (id !== "completingAs") answers[id] = isPerPersonAnswer(answer) ? syncPeople(answer, step.people) : answer;
    }
    const saved = await saveDraft(getDb(), { ownerId: user.userId, draftId, expectedRevision: revision, people: step.people, answers, now: now() });
    if (saved.status === "not-found") redirect("/drafts?gone=1");
    if (saved.status === "stale") {
      return { ...previous, errors: { "person-0-forename": "This form has been changed in another tab or window. Reload this page to see the latest names, then make your change again" }, version: previous.version + 1 };
    }
    redirect(draftPaths(draftId).resume);
  },
);
