"use client";

/**
 * GOV.UK's character count around a textarea. Without JavaScript a hint below the box gives the
 * limit ("You can enter up to 5,000 characters"); with it, the hint stays for screen readers and
 * a visible line counts down as the person types ("You have 12 characters remaining", then
 * "You have 3 characters too many" in red), announced politely once typing pauses. Nothing is
 * cut: the box takes any length and the server refuses an over-long answer beside the field.
 */
import { useEffect, useRef, useState, type ChangeEvent, type HTMLInputAutoCompleteAttribute } from "react";
import { joinIds } from "./field-ids";
import { inputClassName } from "./input-class-name";

/** How long typing must pause before the count is read out, as in GOV.UK Frontend. */
const ANNOUNCE_AFTER_MS = 1000;

const number = (n: number) => n.toLocaleString("en-GB");
const characters = (n: number) => `${number(n)} ${n === 1 ? "character" : "characters"}`;

export const limitMessage = (maxLength: number) => `You can enter up to ${characters(maxLength)}`;

export function countMessage(maxLength: number, length: number): string {
  return length > maxLength ? `You have ${characters(length - maxLength)} too many` : `You have ${characters(maxLength - length)} remaining`;
}

export type CharacterCountProps = {
  id: string;
  name: string;
  maxLength: number;
  defaultValue?: string;
  rows: number;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  spellCheck?: boolean;
  /** The hint's and error message's ids; the limit's own id is added. */
  describedBy?: string;
  hasError: boolean;
};

export function CharacterCount({ maxLength, describedBy, hasError, ...boxAttributes }: CharacterCountProps) {
  // null until JavaScript runs: the server's page, and a page without JavaScript, show the limit only.
  const [length, setLength] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const box = useRef<HTMLTextAreaElement>(null);
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    // Text put back after a refused post (or by the browser) counts from the start.
    setLength(box.current?.value.length ?? 0);
    return () => clearTimeout(pause.current);
  }, []);

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const typed = event.currentTarget.value.length;
    setLength(typed);
    clearTimeout(pause.current);
    pause.current = setTimeout(() => setAnnouncement(countMessage(maxLength, typed)), ANNOUNCE_AFTER_MS);
  };

  const infoId = `${boxAttributes.id}-info`;
  const isOver = length !== null && length > maxLength;
  return (
    <>
      <textarea
        ref={box}
        {...boxAttributes}
        onChange={onChange}
        aria-describedby={joinIds(describedBy, infoId)}
        aria-invalid={hasError ? true : undefined}
        className={`${inputClassName({ hasError: hasError || isOver })} resize-y`}
      />
      <div id={infoId} className={length === null ? "body-m mt-1 text-secondary-ink" : "sr-only"}>
        {limitMessage(maxLength)}
      </div>
      {length !== null && (
        <div aria-hidden="true" className={`body-m mt-1 ${isOver ? "font-bold text-error" : "text-secondary-ink"}`}>
          {countMessage(maxLength, length)}
        </div>
      )}
      <div role="status" className="sr-only">
        {announcement}
      </div>
    </>
  );
}
