import type { ReactNode } from "react";

export type SummaryListAction = {
  href: string;
  text: string;
  /** Said after the link text by screen readers, so each "Change" link is unique: "Change name". */
  visuallyHiddenText?: string;
};

export type SummaryListRow = {
  key: ReactNode;
  value: ReactNode;
  actions?: readonly SummaryListAction[];
};

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <a href={action.href}>
      {action.text}
      {action.visuallyHiddenText && <span className="sr-only"> {action.visuallyHiddenText}</span>}
    </a>
  );
}

/** GOV.UK's summary list (check your answers): a table-like <dl> that stacks on phones. */
export function SummaryList({ rows }: { rows: readonly SummaryListRow[] }) {
  const hasAnyActions = rows.some((row) => (row.actions?.length ?? 0) > 0);
  return (
    <dl className="body-m mb-5 sm:mb-8 sm:table sm:w-full sm:table-fixed sm:border-collapse">
      {rows.map((row, index) => {
        const actions = row.actions ?? [];
        // Keeps the column grid when some rows have actions and this one does not.
        const emptyActionsCell = hasAnyActions && actions.length === 0 ? "sm:after:table-cell sm:after:w-[20%]" : "";
        return (
          <div key={index} className={`mb-4 border-b border-border sm:mb-0 sm:table-row ${emptyActionsCell}`}>
            <dt className="mb-1.5 font-bold sm:table-cell sm:w-[30%] sm:py-2.5 sm:pr-5">{row.key}</dt>
            <dd className="mb-2.5 break-words sm:table-cell sm:py-2.5 sm:pr-5">{row.value}</dd>
            {actions.length === 1 && actions[0] && (
              <dd className="mb-2.5 sm:table-cell sm:w-[20%] sm:py-2.5 sm:text-right">
                <ActionLink action={actions[0]} />
              </dd>
            )}
            {actions.length > 1 && (
              <dd className="mb-2.5 sm:table-cell sm:w-[20%] sm:py-2.5 sm:text-right">
                <ul className="flex flex-wrap gap-x-2.5 sm:justify-end">
                  {actions.map((action) => (
                    <li key={action.href}>
                      <ActionLink action={action} />
                    </li>
                  ))}
                </ul>
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
