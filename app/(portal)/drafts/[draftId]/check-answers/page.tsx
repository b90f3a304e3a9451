import type { Metadata } from "next";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { AnswersSummary } from "@/components/answers/answers-summary";
import { summariseForm } from "@/lib/forms/summary";
import { getDb } from "@/db/client";
import { listAttachments } from "@/lib/attachments";
import { FormPage } from "../../_engine/form-page";
import { loadDraft } from "../../_engine/load-draft";
import { draftPaths } from "../../_engine/paths";
import { SectionNav } from "../../_engine/section-nav";

export const metadata: Metadata = { title: "Check your answers" };

type Props = { params: Promise<{ draftId: string }>; searchParams: Promise<{ incomplete?: string }> };

/**
 * Check your answers (GOV.UK pattern): every section that applies, each answer with a Change
 * link, drawn by the same component (AnswersSummary) as the PDF. Sections still to finish are listed first;
 * Continue leads to Declaration & Submit only when everything is complete.
 */
export default async function CheckAnswersPage({ params, searchParams }: Props) {
  const { draftId } = await params;
  const paths = draftPaths(draftId);
  const { user, draft, definition, statuses } = await loadDraft(draftId, paths.checkAnswers);
  const finalSection = definition.sections.at(-1)!;
  const unfinished = statuses.filter((status) => status.isShown && status.state !== "complete" && status.section.id !== finalSection.id);
  const files = await listAttachments(getDb(), { ownerId: user.userId, draftId: draft.id });
  const summary = summariseForm(definition, draft.answers, draft.people, files).filter((section) => section.sectionId !== finalSection.id);
  const showIncomplete = (await searchParams).incomplete === "1" || unfinished.length > 0;
  return (
    <FormPage caption={definition.title} heading="Check your answers" nav={<SectionNav draftId={draft.id} statuses={statuses} currentId="check-answers" />}>
      {showIncomplete && unfinished.length > 0 && (
        <ErrorSummary
          title="You have not finished this form"
          errors={unfinished.map((status) => ({ fieldId: `section-${status.section.id}`, text: `Complete ${status.section.title}` }))}
        />
      )}
      <AnswersSummary
        people={draft.people}
        answers={draft.answers}
        sections={summary}
        changeHref={{ people: paths.people, question: (sectionId, questionId) => `${paths.section(sectionId)}#${questionId}` }}
      />
      <p className="mb-6">
        <a href={`/drafts/${draft.id}/pdf`} download>
          Create PDF
        </a>{" "}
        of these answers to keep a copy.
      </p>
      {unfinished.length === 0 ? (
        <>
          <h2 className="heading-m mb-4">Now send your form</h2>
          <p className="mb-6">Next you will read the declaration and send the form to the Local Authority.</p>
          <Button href={paths.section(finalSection.id)}>Continue</Button>
        </>
      ) : (
        <p className="mb-6">Finish the sections listed above before you send the form.</p>
      )}
    </FormPage>
  );
}
