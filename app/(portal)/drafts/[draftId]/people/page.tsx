import type { Metadata } from "next";
import { FormPage } from "../../_engine/form-page";
import { loadDraft } from "../../_engine/load-draft";
import { draftPaths } from "../../_engine/paths";
import { PeopleForm } from "../../_engine/people-form";
import { SectionNav } from "../../_engine/section-nav";
import { updatePeopleAction } from "./actions";

export const metadata: Metadata = { title: "Who is this about?" };

/** "Who is this about?" on a started form: more people can be added later (guide 001). */
export default async function PeoplePage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const { draft, definition, statuses } = await loadDraft(draftId, draftPaths(draftId).people);
  const completingAs = draft.answers.completingAs;
  return (
    <FormPage caption={definition.title} heading="Who is this about?" nav={<SectionNav draftId={draft.id} statuses={statuses} currentId="people" />}>
      <PeopleForm
        action={updatePeopleAction}
        audiences={definition.audiences}
        hidden={{ draftId: draft.id, revision: String(draft.revision) }}
        initial={{ rows: draft.people, completingAs: typeof completingAs === "string" ? completingAs : "", errors: {}, version: 0 }}
      />
    </FormPage>
  );
}
