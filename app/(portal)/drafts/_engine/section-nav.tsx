/**
 * The numbered list of a form's sections beside it (GOV.UK task list): each with its state,
 * the current one marked. Only sections that apply are listed, so a conditional section
 * appears once an answer calls for it. On a section page each entry is a button that saves the
 * page before moving (nothing typed is lost); elsewhere they are links.
 */
import Link from "next/link";
import { Tag } from "@/components/tag";
import type { SectionStatus } from "@/lib/forms/journey";
import { draftPaths } from "./paths";

type Props = {
  draftId: string;
  statuses: SectionStatus[];
  /** "people", "check-answers" or a section id. */
  currentId: string;
  /** The id of the page's form, when the entries should save it before moving. */
  formId?: string;
};

const STATE_TEXT = { complete: "Completed", "in-progress": "In progress", "not-started": "Not started" } as const;

export function SectionNav({ draftId, statuses, currentId, formId }: Props) {
  const paths = draftPaths(draftId);
  const entries = [
    { id: "people", title: "Who is this about?", href: paths.people, state: null },
    ...statuses.filter((status) => status.isShown).map((status) => ({ id: status.section.id, title: status.section.title, href: paths.section(status.section.id), state: status.state })),
    { id: "check-answers", title: "Check your answers", href: paths.checkAnswers, state: null },
  ];
  return (
    <nav aria-labelledby="sections-heading" className="mb-8">
      <h2 id="sections-heading" className="heading-s mb-3">
        Sections
      </h2>
      <ol className="border-t border-border">
        {entries.map((entry, index) => {
          const isCurrent = entry.id === currentId;
          const label = (
            <>
              {index + 1}. {entry.title}
            </>
          );
          return (
            <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-border py-2" aria-current={isCurrent ? "step" : undefined}>
              {isCurrent ? (
                <span className="font-bold">
                  {label}
                  <span className="sr-only"> (this section)</span>
                </span>
              ) : formId ? (
                <button type="submit" form={formId} name="intent" value={`goto:${entry.id}`} className="link-button">
                  {label}
                </button>
              ) : (
                <Link href={entry.href}>{label}</Link>
              )}
              {entry.state && <Tag colour={entry.state === "complete" ? "green" : entry.state === "in-progress" ? "light-blue" : "grey"}>{STATE_TEXT[entry.state]}</Tag>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
