"use client";

import { useActionState, type ReactNode } from "react";
import { ActionForm } from "@/components/action-form";
import { DateInput } from "@/components/date-input";
import { ErrorSummary } from "@/components/error-summary";
import { Select } from "@/components/select";
import { TextInput } from "@/components/text-input";
import { errorList } from "@/app/_forms/error-list";
import type { FormState } from "@/app/_forms/form-state";
import { createCaseAction } from "./actions";

/** The fields in page order; a date's error links to its Day box. */
const FIELD_ORDER = ["childForename", "childSurname", "childDateOfBirth", "requestDate", "requestorName", "requestorRelationship", "requestorEmail", "caseworkerId"];
const DATE_FIELDS = ["childDateOfBirth", "requestDate"];
const fieldId = (field: string) => (DATE_FIELDS.includes(field) ? `${field}-day` : field);

type Props = {
  caseworkers: { id: string; name: string }[];
  /** The caseworker selected at first: the signed-in user when they are one. */
  initialState: FormState;
  /** The page's heading, drawn below the error summary. */
  children: ReactNode;
};

/** "Create an EHCP case": plain fields posted to a server action, so it works without JavaScript. */
export function NewCaseForm({ caseworkers, initialState, children }: Props) {
  const [state, formAction, isPending] = useActionState(createCaseAction, initialState);
  const { errors, values } = state;
  const date = (prefix: string) => ({ day: values[`${prefix}-day`], month: values[`${prefix}-month`], year: values[`${prefix}-year`] });
  return (
    <>
      <ErrorSummary errors={errorList(state, FIELD_ORDER, fieldId)} />
      {children}
      <ActionForm action={formAction} submit="Create case" isPending={isPending}>
        <h2 className="heading-m mb-4">The child</h2>
        <TextInput id="childForename" name="childForename" label="Child's first name" autoComplete="off" spellCheck={false} error={errors.childForename} defaultValue={values.childForename} width="20" />
        <TextInput id="childSurname" name="childSurname" label="Child's last name" autoComplete="off" spellCheck={false} error={errors.childSurname} defaultValue={values.childSurname} width="20" />
        <DateInput namePrefix="childDateOfBirth" legend="Child's date of birth" hint="For example, 27 3 2015" error={errors.childDateOfBirth} defaultValue={date("childDateOfBirth")} />
        <h2 className="heading-m mb-4">The request</h2>
        <DateInput namePrefix="requestDate" legend="Date the request was received" hint="For example, 30 1 2023. The statutory timescales are counted from this date." error={errors.requestDate} defaultValue={date("requestDate")} />
        <TextInput id="requestorName" name="requestorName" label="Requestor's name" autoComplete="off" spellCheck={false} error={errors.requestorName} defaultValue={values.requestorName} width="20" />
        <TextInput id="requestorRelationship" name="requestorRelationship" label="Requestor's relationship to the child" hint="For example, mother, father or carer" error={errors.requestorRelationship} defaultValue={values.requestorRelationship} width="20" />
        <TextInput
          id="requestorEmail"
          name="requestorEmail"
          type="email"
          label="Requestor's email address"
          hint="The portal invitation is sent to this address."
          autoComplete="off"
          spellCheck={false}
          error={errors.requestorEmail}
          defaultValue={values.requestorEmail}
          width="20"
        />
        <Select
          id="caseworkerId"
          name="caseworkerId"
          label="SEND caseworker"
          error={errors.caseworkerId}
          defaultValue={values.caseworkerId ?? ""}
          options={[{ value: "", text: "Select a caseworker" }, ...caseworkers.map((caseworker) => ({ value: caseworker.id, text: caseworker.name }))]}
        />
      </ActionForm>
    </>
  );
}
