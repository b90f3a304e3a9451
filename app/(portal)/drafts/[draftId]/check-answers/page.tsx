import type { Metadata } from "next";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { SummaryList } from "@/components/summary-list";
import { AnswerSections } from "@/app/_forms/answer-sections";
import { audienceLabel } from "@/lib/forms/completing-as";
import { summariseForm } from "@/lib/forms/summary";
import { getDb } from "@/db/client";
import { listAttachments } from "@/lib/attachments";
import type { Audience } from "@/lib/forms/types";
import { FormPage } from "../../_engine/form-page";
import { loadDraft } from "../../_engine/load-draft";
import { draftPaths } from "../../_engine/paths";
import { SectionNav } from "../../_engine/section-nav";

export const metadata: Metadata = { title: "Check your answers" };

type Props = { params: Promise<{ draftId: string }>; searchParams: Promise<{ incomplete?: string }> };

/**
 * Check your answers (GOV.UK pattern): every section that applies, each answer with a Change
 * link, drawn from the same summary as the PDF. Sections still to finish are listed first;
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
  const completingAs = draft.answers.completingAs;
  const showIncomplete = (await searchParams).incomplete === "1" || unfinished.length > 0;
  return (
    <FormPage caption={definition.title} heading="Check your answers" nav={<SectionNav draftId={draft.id} statuses={statuses} currentId="check-answers" />}>
      {showIncomplete && unfinished.length > 0 && (
        <ErrorSummary
          title="You have not finished this form"
          errors={unfinished.map((status) => ({ fieldId: `section-${status.section.id}`, text: `Complete ${status.section.title}` }))}
        />
      )}
      <h2 className="heading-m mb-4">Who is this about?</h2>
      <SummaryList
        rows={[
          {
            key: "People",
            value: draft.people.map((person) => `${person.forename} ${person.surname}`).join(", "),
            actions: [{ href: paths.people, text: "Change", visuallyHiddenText: "the people this form is about" }],
          },
          {
            key: "Completing this form as a",
            value: typeof completingAs === "string" ? audienceLabel(completingAs as Audience) : "Not answered",
            actions: [{ href: paths.people, text: "Change", visuallyHiddenText: "who you are completing this form as" }],
          },
        ]}
      />
      <AnswerSections sections={summary} changeHref={(sectionId, questionId) => `${paths.section(sectionId)}#${questionId}`} />
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
