"use client";

/**
 * The forms on a SEND case page. Each posts to its own server action (so all of them work
 * without JavaScript); their answers are held here, in one provider, so a single error summary
 * at the top of the page lists whatever the last post got wrong and links to the field.
 */
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/button";
import { DateInput } from "@/components/date-input";
import { ErrorMessage } from "@/components/error-message";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { Radios } from "@/components/radios";
import { Select } from "@/components/select";
import { Textarea } from "@/components/textarea";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE, type FormState } from "@/app/_forms/form-state";
import {
  activateAccessAction,
  cancelInvitationAction,
  inviteAction,
  recordExceptionAction,
  recordStageAction,
  resendInvitationAction,
  revokeAccessAction,
  verifyIdentityAction,
} from "./actions";

type Slot = { state: FormState; action: (formData: FormData) => void; isPending: boolean };
type Slots = Record<"stage" | "exception" | "invite" | "verify" | "resend" | "cancel" | "activate" | "revoke", Slot>;

const SlotsContext = createContext<Slots | null>(null);

function useSlots(): Slots {
  const slots = useContext(SlotsContext);
  if (!slots) throw new Error("case forms must sit inside CaseFormsProvider");
  return slots;
}

function useSlot(action: (previous: FormState, formData: FormData) => Promise<FormState>): Slot {
  const [state, dispatch, isPending] = useActionState(action, EMPTY_FORM_STATE);
  return { state, action: dispatch, isPending };
}

export function CaseFormsProvider({ children }: { children: ReactNode }) {
  const slots: Slots = {
    stage: useSlot(recordStageAction),
    exception: useSlot(recordExceptionAction),
    invite: useSlot(inviteAction),
    verify: useSlot(verifyIdentityAction),
    resend: useSlot(resendInvitationAction),
    cancel: useSlot(cancelInvitationAction),
    activate: useSlot(activateAccessAction),
    revoke: useSlot(revokeAccessAction),
  };
  return <SlotsContext value={slots}>{children}</SlotsContext>;
}

/** Where each message's link goes: the field to fix, or the message beside a lone button. */
const FIELD_IDS: Record<keyof Slots, (field: string, values: Record<string, string>) => string> = {
  stage: (field) => ({ kind: "stage-kind", outcome: "stage-outcome", date: "stage-date-day" })[field] ?? "stage-kind",
  exception: (field) => ({ timescale: "exception-timescale", reason: "exception-reason", note: "exception-note" })[field] ?? "exception-timescale",
  invite: (field) => (field === "email" ? "invite-email" : "invite-error"),
  verify: (_field, values) => `identity-code-${values.invitationId ?? ""}`,
  resend: (_field, values) => `invitation-error-${values.invitationId ?? ""}`,
  cancel: (_field, values) => `invitation-error-${values.invitationId ?? ""}`,
  activate: (_field, values) => `access-error-${values.accessId ?? ""}`,
  revoke: (_field, values) => `access-error-${values.accessId ?? ""}`,
};

const FIELD_ORDER: Partial<Record<keyof Slots, string[]>> = { stage: ["kind", "outcome", "date"], exception: ["timescale", "reason", "note"] };

/** The page's error summary: goes above the h1. */
export function CaseErrorSummary() {
  const slots = useSlots();
  const items: ErrorSummaryItem[] = [];
  for (const name of Object.keys(slots) as (keyof Slots)[]) {
    const { errors, values } = slots[name].state;
    const order = FIELD_ORDER[name] ?? [];
    const fields = [...order.filter((field) => errors[field]), ...Object.keys(errors).filter((field) => !order.includes(field))];
    for (const field of fields) items.push({ fieldId: FIELD_IDS[name](field, values), text: errors[field]! });
  }
  return <ErrorSummary errors={items} />;
}

type Option = { value: string; label: string };

/** "Record a stage": the stage, its outcome (decisions only) and its date. */
export function RecordStageForm({ caseId, stages, nextStage }: { caseId: string; stages: Option[]; nextStage: string }) {
  const { state, action, isPending } = useSlots().stage;
  const { errors, values } = state;
  return (
    <ActionForm action={action} hidden={{ caseId }} submit="Record stage" isPending={isPending}>
      <Select
        id="stage-kind"
        name="kind"
        label="Stage"
        hint="Stages are recorded in order, one at a time."
        error={errors.kind}
        defaultValue={values.kind ?? nextStage}
        options={[{ value: "", text: "Select a stage" }, ...stages.map((stage) => ({ value: stage.value, text: stage.label }))]}
      />
      <Radios
        name="outcome"
        idPrefix="stage-outcome"
        legend="Outcome"
        hint="Only for decisions: whether to assess, or whether to issue a plan."
        error={errors.outcome}
        defaultValue={values.outcome}
        inline
        items={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
      />
      <DateInput
        namePrefix="date"
        idPrefix="stage-date"
        legend="Date"
        hint="The day the decision was made, the assessment completed or the plan issued. For example, 12 3 2023"
        error={errors.date}
        defaultValue={{ day: values["date-day"], month: values["date-month"], year: values["date-year"] }}
      />
    </ActionForm>
  );
}

/** "Record an exception" to a statutory timescale, with its reason and a note. */
export function RecordExceptionForm({ caseId, timescales, reasons }: { caseId: string; timescales: Option[]; reasons: Option[] }) {
  const { state, action, isPending } = useSlots().exception;
  const { errors, values } = state;
  return (
    <ActionForm action={action} hidden={{ caseId }} submit="Record exception" variant="secondary" isPending={isPending}>
      <Select
        id="exception-timescale"
        name="timescale"
        label="Timescale"
        error={errors.timescale}
        defaultValue={values.timescale ?? ""}
        options={[{ value: "", text: "Select a timescale" }, ...timescales.map((timescale) => ({ value: timescale.value, text: timescale.label }))]}
      />
      <Radios name="reason" idPrefix="exception-reason" legend="Reason" error={errors.reason} defaultValue={values.reason} items={reasons} />
      <Textarea id="exception-note" name="note" label="Note" hint="Explain what happened and when. The family can read this note in their portal history." error={errors.note} defaultValue={values.note} rows={4} />
    </ActionForm>
  );
}

/**
 * "Invite family": the requestor's address by default, or another family member's (a second
 * parent gets their own access). lib/send refuses a second invitation in progress to one address.
 */
export function InviteForm({ caseId, requestorEmail }: { caseId: string; requestorEmail: string }) {
  const { state, action, isPending } = useSlots().invite;
  const message = state.errors.invite;
  return (
    <>
      {message && <ErrorMessage id="invite-error">{message}</ErrorMessage>}
      <ActionForm action={action} hidden={{ caseId }} submit="Invite family" submitId="invite-family" isPending={isPending}>
        <TextInput
          id="invite-email"
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          label="Email address to invite (optional)"
          hint={`Leave blank to invite the requestor at ${requestorEmail}. Enter another address to give a second parent or carer their own access.`}
          error={state.errors.email}
          defaultValue={state.values.email ?? ""}
        />
      </ActionForm>
    </>
  );
}

/** The controls of one invitation: "Verify identity" while it waits for the code, "Resend" and "Cancel invitation" until it is answered. */
export function InvitationControls({ caseId, invitationId, canVerify, canResend, canCancel }: { caseId: string; invitationId: string; canVerify: boolean; canResend: boolean; canCancel: boolean }) {
  const slots = useSlots();
  const verify = slots.verify;
  const verifyError = verify.state.values.invitationId === invitationId ? verify.state.errors.code : undefined;
  const changed = [slots.resend.state, slots.cancel.state].find((state) => state.values.invitationId === invitationId && Object.keys(state.errors).length > 0);
  const changeError = changed ? Object.values(changed.errors)[0] : undefined;
  return (
    <>
      {canVerify && (
        <ActionForm action={verify.action} hidden={{ caseId, invitationId }} submit="Verify identity" isPending={verify.isPending}>
          <TextInput
            id={`identity-code-${invitationId}`}
            name="code"
            label="Identity code the parent quoted"
            hint="8 letters and numbers, like ACDE-FG34. Spaces, dashes and capitals do not matter."
            error={verifyError}
            defaultValue={verify.state.values.invitationId === invitationId ? verify.state.values.code : undefined}
            autoComplete="off"
            spellCheck={false}
            width="10"
          />
        </ActionForm>
      )}
      {changeError && <ErrorMessage id={`invitation-error-${invitationId}`}>{changeError}</ErrorMessage>}
      {(canResend || canCancel) && (
        <div className="flex flex-col sm:flex-row sm:flex-wrap sm:gap-x-[15px]">
          {canResend && (
            <IdButtonForm slot={slots.resend} caseId={caseId} idName="invitationId" id={invitationId} variant="secondary">
              Resend
            </IdButtonForm>
          )}
          {canCancel && (
            <IdButtonForm slot={slots.cancel} caseId={caseId} idName="invitationId" id={invitationId} variant="warning">
              Cancel invitation
            </IdButtonForm>
          )}
        </div>
      )}
    </>
  );
}

/** A lone button acting on one invitation or access of the case: the ids travel as hidden fields. */
function IdButtonForm({ slot, caseId, idName, id, variant, children }: { slot: Slot; caseId: string; idName: "invitationId" | "accessId"; id: string; variant?: "secondary" | "warning"; children: ReactNode }) {
  return (
    <form action={slot.action}>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name={idName} value={id} />
      <Button type="submit" variant={variant} disabled={slot.isPending}>
        {children}
      </Button>
    </form>
  );
}

/** "Activate access" (pending) and "Revoke access" (pending or active) for one person. */
export function AccessControls({ caseId, accessId, canActivate, canRevoke }: { caseId: string; accessId: string; canActivate: boolean; canRevoke: boolean }) {
  const slots = useSlots();
  const failed = [slots.activate.state, slots.revoke.state].find((state) => state.values.accessId === accessId && Object.keys(state.errors).length > 0);
  const message = failed ? Object.values(failed.errors)[0] : undefined;
  return (
    <>
      {message && <ErrorMessage id={`access-error-${accessId}`}>{message}</ErrorMessage>}
      {canActivate && (
        <IdButtonForm slot={slots.activate} caseId={caseId} idName="accessId" id={accessId}>
          Activate access
        </IdButtonForm>
      )}
      {canRevoke && (
        <IdButtonForm slot={slots.revoke} caseId={caseId} idName="accessId" id={accessId} variant="warning">
          Revoke access
        </IdButtonForm>
      )}
      {!canActivate && !canRevoke && !message && "None"}
    </>
  );
}
