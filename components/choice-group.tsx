/**
 * The markup radios and checkboxes share (GOV.UK's pattern): a fieldset whose legend asks the
 * question, one item per option, and an optional "conditional reveal" under an option. The
 * reveal is pure CSS (peer-checked), so it works with JavaScript off.
 */
import type { ReactNode } from "react";
import { Field, type GroupQuestion } from "./field";

export type ChoiceItem = {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Further questions shown only while this option is selected. */
  conditional?: ReactNode;
  disabled?: boolean;
};
/** A word between options, usually "or" before a "None of these" option. */
export type ChoiceDivider = { divider: string };

export type ChoiceGroupProps = GroupQuestion & {
  name: string;
  /** The first option gets exactly this id, so an error summary can link to it. Defaults to name. */
  idPrefix?: string;
  items: (ChoiceItem | ChoiceDivider)[];
  inline?: boolean;
};

const controlClasses = {
  radio:
    "rounded-full before:size-[22px] before:rounded-full before:border-[11px] before:border-ink focus:ring-4",
  checkbox:
    "rounded-none before:h-[11px] before:w-[22px] before:-translate-y-[3px] before:-rotate-45 before:border-b-[5px] before:border-l-[5px] before:border-ink focus:ring-[3px]",
};

/** Option ids follow GOV.UK Frontend: "where", "where-2", "where-3"… */
export function choiceId(idPrefix: string, position: number): string {
  return position === 0 ? idPrefix : `${idPrefix}-${position + 1}`;
}

export function ChoiceGroup({
  type,
  isChecked,
  name,
  idPrefix = name,
  items,
  inline = false,
  ...question
}: ChoiceGroupProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
  let position = 0;
  return (
    <Field id={idPrefix} {...question}>
      <div className={inline ? "flex flex-wrap gap-x-5" : undefined}>
        {items.map((item) => {
          if ("divider" in item) {
            return (
              <div key={`divider-${position}`} className="body-m mb-2.5 w-11 text-center">
                {item.divider}
              </div>
            );
          }
          const id = choiceId(idPrefix, position++);
          const itemHintId = item.hint != null ? `${id}-item-hint` : undefined;
          return (
            <div key={id} className="mb-2.5 flex flex-wrap items-start">
              <input
                id={id}
                name={name}
                type={type}
                value={item.value}
                defaultChecked={isChecked(item.value)}
                disabled={item.disabled}
                aria-describedby={itemHintId}
                className={`peer grid size-11 shrink-0 cursor-pointer appearance-none place-content-center border-2 border-ink bg-white before:opacity-0 checked:before:opacity-100 focus:border-4 focus:outline-3 focus:outline-offset-1 focus:outline-transparent focus:ring-focus disabled:cursor-not-allowed disabled:opacity-50 forced-colors:appearance-auto ${controlClasses[type]}`}
              />
              <div className="min-w-0 flex-1">
                <label htmlFor={id} className="body-m block cursor-pointer touch-manipulation px-[15px] py-2.5">
                  {item.label}
                </label>
                {itemHintId && (
                  <div id={itemHintId} className="body-m -mt-1 mb-1 px-[15px] text-secondary-ink">
                    {item.hint}
                  </div>
                )}
              </div>
              {item.conditional != null && (
                <div
                  id={`conditional-${id}`}
                  className="mt-2.5 mb-2.5 ml-[20px] hidden basis-full border-l-4 border-border pl-[33px] peer-checked:block"
                >
                  {item.conditional}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Field>
  );
}
