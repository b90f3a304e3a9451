import { redirect } from "next/navigation";
import { firstIncompleteSection } from "@/lib/forms/journey";
import { sectionValidator } from "@/lib/forms/section-form";
import { loadDraft } from "../_engine/load-draft";
import { draftPaths } from "../_engine/paths";

type Params = { params: Promise<{ draftId: string }> };

/**
 * A saved form's own address (the link in the "Save for later" email, and Recover a form):
 * opens the section where the user stopped, or the first one still to do, or check answers.
 */
export default async function ResumeDraftPage({ params }: Params) {
  const { draftId } = await params;
  const paths = draftPaths(draftId);
  const { draft, definition, statuses } = await loadDraft(draftId, paths.resume);
  const stoppedAt = statuses.find((status) => status.section.id === draft.currentSectionId && status.isShown);
  if (stoppedAt && stoppedAt.state !== "complete") redirect(paths.section(stoppedAt.section.id));
  const next = firstIncompleteSection(definition, draft.answers, sectionValidator(definition, draft.answers, draft.people));
  redirect(next ? paths.section(next) : paths.checkAnswers);
}
