/**
 * A form's answers as GOV.UK summary lists: who the form is about, then a list per section, each
 * question with its answer's lines (lib/forms/format-answer.ts words them). Check your answers
 * draws it with Change links; the PDF (lib/pdf/form-document.ts) renders the same component to
 * static HTML, and the staff view of a referral draws its sections. Answers are text children,
 * so React escapes whatever was typed into them, on the page and in the PDF alike.
 */
import { SummaryList } from "@/components/summary-list";
import { formatCompletingAs, formatPeople } from "@/lib/forms/format-answer";
import type { SummarySection } from "@/lib/forms/summary";
import type { Answers, Person } from "@/lib/forms/types";

type ChangeLinks = {
  /** The page where the people and "completing this form as" are changed. */
  people: string;
  question: (sectionId: string, questionId: string) => string;
};

type Props = { people: readonly Person[]; answers: Answers; sections: readonly SummarySection[]; changeHref?: ChangeLinks };

export function AnswersSummary({ people, answers, sections, changeHref }: Props) {
  const changePeople = (visuallyHiddenText: string) => (changeHref ? { actions: [{ href: changeHref.people, text: "Change", visuallyHiddenText }] } : {});
  return (
    <>
      <h2 className="heading-m mb-4">Who is this about?</h2>
      <SummaryList
        rows={[
          { key: "People", value: formatPeople(people), ...changePeople("the people this form is about") },
          { key: "Completing this form as a", value: formatCompletingAs(answers), ...changePeople("who you are completing this form as") },
        ]}
      />
      <AnswerSections sections={sections} changeHref={changeHref?.question} />
    </>
  );
}

/** The sections alone, a summary list each. `changeHref` adds a Change link to each answer. */
export function AnswerSections({ sections, changeHref }: { sections: readonly SummarySection[]; changeHref?: (sectionId: string, questionId: string) => string }) {
  return sections.map((section) => (
    <section key={section.sectionId} id={`section-${section.sectionId}`} className="mb-8" aria-labelledby={`heading-${section.sectionId}`}>
      <h2 id={`heading-${section.sectionId}`} className="heading-m mb-4">
        {section.title}
      </h2>
      <SummaryList
        rows={section.rows.map((row) => ({
          key: row.label,
          value: row.lines.map((line, index) => (
            <p key={index} className="mb-1 whitespace-pre-line last:mb-0">
              {line}
            </p>
          )),
          ...(changeHref ? { actions: [{ href: changeHref(section.sectionId, row.questionId), text: "Change", visuallyHiddenText: row.label }] } : {}),
        }))}
      />
    </section>
  ));
}
