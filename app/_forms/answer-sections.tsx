import { SummaryList } from "@/components/summary-list";
import type { SummarySection } from "@/lib/forms/summary";

/**
 * A form's answers as GOV.UK summary lists, a section each (Check your answers, and the staff
 * view of a referral). `changeHref` adds a Change link to each answer.
 */
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
