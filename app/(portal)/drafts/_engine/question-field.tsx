/**
 * Draws one question of a section page from its definition: the field for its type, once per
 * group of people for a per-person question, each copy with "Answer for:" (guide 000). Values
 * are the stored answers or, after a failed check, what the user typed.
 */
import type { ReactNode } from "react";
import { Checkboxes } from "@/components/checkboxes";
import { DateInput } from "@/components/date-input";
import { AddressField, addressFieldFirstId } from "@/components/forms/address-field";
import { TableField, tableFieldFirstId } from "@/components/forms/table-field";
import { Radios } from "@/components/radios";
import { Select } from "@/components/select";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import type { AddressLookup } from "@/lib/address/address-provider";
import { LONG_TEXT_MAX_LENGTH } from "@/lib/forms/question-types/limits";
import { groupFieldName, type FieldGroupView } from "@/lib/forms/page-fields";
import type { QuestionView } from "@/lib/forms/section-form";
import type { AnswerValue, Person, Question } from "@/lib/forms/types";
import { isAddressValue, isDateValue } from "@/lib/forms/values";
import { AnswerFor } from "./answer-for";
import { FileField, type AttachedFileView } from "./file-field";

type Props = {
  view: Pick<QuestionView, "question" | "groups">;
  people: readonly Person[];
  errors: Record<string, string>;
  addressLookups: Record<string, AddressLookup>;
  /** For a file question: the draft's attached files and the last upload's message. */
  files: FilesOnPage;
};

export type FilesOnPage = { attached: readonly AttachedFileView[]; error?: string; maxFileMegabytes: number };

export function QuestionField({ view, people, errors, addressLookups, files }: Props) {
  const { question, groups } = view;
  if (question.type === "file") return <FileField question={question} files={files.attached} error={files.error} maxFileMegabytes={files.maxFileMegabytes} />;
  const isPerPerson = question.isPerPerson === true;
  return (
    <>
      {isPerPerson && <input type="hidden" name={`${question.id}__count`} value={groups.length} />}
      {groups.map((group, index) => (
        <div key={group.name} className={isPerPerson && groups.length > 1 ? "mb-6 border-l-4 border-border pl-4" : undefined}>
          {isPerPerson && <input type="hidden" name={`${group.name}__people`} value={(group.personIds ?? []).join(",")} />}
          {fieldFor(question, group, errors[group.name], addressLookups[group.name])}
          {isPerPerson && people.length > 1 && (
            <AnswerFor questionId={question.id} group={group} isMainGroup={index === 0} people={people} />
          )}
        </div>
      ))}
    </>
  );
}

/** The id of a field's first input, for the error summary's link. */
export function firstFieldId(question: Question, name: string, value: AnswerValue | undefined): string {
  switch (question.type) {
    case "date":
      return `${name}-day`;
    case "address":
      return addressFieldFirstId(value !== undefined && isAddressValue(value) ? value : undefined, name);
    case "table":
      return tableFieldFirstId(question, name);
    default:
      return name;
  }
}

/** Every field name of a per-person question's groups, for matching errors to questions. */
export const groupNames = (view: Pick<QuestionView, "question" | "groups">) => view.groups.map((group, index) => (view.question.isPerPerson ? groupFieldName(view.question.id, index) : group.name));

function fieldFor(question: Question, group: FieldGroupView, error: string | undefined, lookup: AddressLookup | undefined): ReactNode {
  const { name, label, value } = group;
  const hint = question.hint;
  const text = typeof value === "string" ? value : undefined;
  const common = { id: name, name, label: <span className="font-bold">{label}</span>, hint, error };
  switch (question.type) {
    case "text":
      return <TextInput {...common} defaultValue={text} maxLength={question.maxLength} />;
    case "longText":
      return <Textarea {...common} defaultValue={text} rows={5} maxLength={question.maxLength ?? LONG_TEXT_MAX_LENGTH} />;
    case "email":
      return <TextInput {...common} type="email" defaultValue={text} spellCheck={false} autoComplete="off" />;
    case "phone":
      return <TextInput {...common} type="tel" defaultValue={text} width="20" autoComplete="off" />;
    case "nhsNumber":
      return <TextInput {...common} defaultValue={text} inputMode="numeric" width="10" spellCheck={false} />;
    case "upn":
      return <TextInput {...common} defaultValue={text} width="10" spellCheck={false} />;
    case "postcode":
      return <TextInput {...common} defaultValue={text} width="10" autoComplete="off" />;
    case "select":
      return (
        <Select
          {...common}
          defaultValue={text ?? ""}
          options={[{ value: "", text: "Select an option" }, ...question.choices.map((choice) => ({ value: choice.value, text: choice.label }))]}
        />
      );
    case "radios":
      return (
        <Radios name={name} legend={label} legendSize="s" hint={hint} error={error} defaultValue={text} items={question.choices.map((choice) => ({ value: choice.value, label: choice.label, hint: choice.hint }))} />
      );
    case "yesNo":
      return (
        <Radios name={name} legend={label} legendSize="s" hint={hint} error={error} defaultValue={text} inline items={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} />
      );
    case "checkboxes":
      return (
        <Checkboxes
          name={name}
          legend={label}
          legendSize="s"
          hint={hint}
          error={error}
          defaultValues={Array.isArray(value) ? value : []}
          items={question.choices.map((choice) => ({ value: choice.value, label: choice.label, hint: choice.hint }))}
        />
      );
    case "declaration":
      return (
        <Checkboxes name={name} legend={label} legendSize="s" hint={hint} error={error} defaultValues={text === "yes" ? ["yes"] : []} items={[{ value: "yes", label: question.statement }]} />
      );
    case "date": {
      const date = value !== undefined && isDateValue(value) ? value : undefined;
      return (
        <>
          <DateInput namePrefix={name} legend={label} legendSize="s" hint={hint ?? "For example, 27 3 2019"} error={error} defaultValue={date} />
          {question.allowEstimated === true && (
            <div className="-mt-4 mb-6">
              <Checkboxes
                name={`${name}-estimated`}
                legend={<span className="sr-only">{label}: is the date estimated?</span>}
                legendSize="s"
                defaultValues={date?.isEstimated ? ["yes"] : []}
                items={[{ value: "yes", label: "This date is estimated" }]}
              />
            </div>
          )}
        </>
      );
    }
    case "address":
      return <AddressField question={question} name={name} label={label} hint={hint} value={value} error={error} lookup={lookup} />;
    case "table":
      return <TableField question={question} name={name} label={label} hint={hint} value={value} error={error} />;
    case "file":
      return null; // Drawn whole by QuestionField: files are not an answer.
  }
}
