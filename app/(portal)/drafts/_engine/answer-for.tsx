/**
 * "Answer for:" under a per-person question (guide 000): the names of the people this copy of
 * the answer is for. In the main group each name is a button that gives that person an answer
 * of their own; a person split out has "+ Include" to put them back. The buttons post the page
 * (saving what was typed), so they work without JavaScript.
 */
import type { FieldGroupView } from "@/lib/forms/section-form";
import type { Person } from "@/lib/forms/types";

type Props = { questionId: string; group: FieldGroupView; isMainGroup: boolean; people: readonly Person[] };

export function AnswerFor({ questionId, group, isMainGroup, people }: Props) {
  const members = people.filter((person) => group.personIds?.includes(person.id));
  const canSplit = isMainGroup && members.length > 1;
  return (
    <div className="-mt-3 mb-6 flex flex-wrap items-baseline gap-x-4 gap-y-2">
      <span className="font-bold">Answer for:</span>
      {members.map((person) =>
        canSplit ? (
          <button key={person.id} type="submit" name="intent" value={`split:${questionId}:${person.id}`} className="link-button">
            {person.forename}
            <span className="sr-only"> (give {person.forename} a different answer)</span>
          </button>
        ) : (
          <strong key={person.id}>{person.forename}</strong>
        ),
      )}
      {!isMainGroup && (
        <button type="submit" name="intent" value={`include:${questionId}:${members[0]?.id ?? ""}`} className="link-button">
          + Include
          <span className="sr-only"> {members.map((person) => person.forename).join(" and ")} in the answer for everyone else</span>
        </button>
      )}
    </div>
  );
}
