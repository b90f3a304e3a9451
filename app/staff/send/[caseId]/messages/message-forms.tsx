"use client";

/**
 * The caseworker's message form ("New Message" on a case's messages, "Reply" on one message):
 * who it is to (one family member with access, or everyone with access), its type, subject and
 * text.
 * It posts to a server action, so it works without JavaScript; its answer is held in a provider
 * so the error summary can sit at the top of the page, above the h1, linking to each field.
 */
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { Radios } from "@/components/radios";
import { Select } from "@/components/select";
import { Textarea } from "@/components/textarea";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE, type FormState } from "@/app/_forms/form-state";
import { sendTeamMessageAction } from "./actions";
import type { RecipientRadios } from "./recipient-choices";

type Slot = { state: FormState; action: (formData: FormData) => void; isPending: boolean };

const SlotContext = createContext<Slot | null>(null);

function useSlot(): Slot {
  const slot = useContext(SlotContext);
  if (!slot) throw new Error("the message form must sit inside TeamMessageProvider");
  return slot;
}

export function TeamMessageProvider({ children }: { children: ReactNode }) {
  const [state, action, isPending] = useActionState(sendTeamMessageAction, EMPTY_FORM_STATE);
  return <SlotContext value={{ state, action, isPending }}>{children}</SlotContext>;
}

const FIELDS = [
  { name: "to", id: "message-to" },
  { name: "type", id: "message-type" },
  { name: "subject", id: "message-subject" },
  { name: "body", id: "message-body" },
] as const;

/** The page's error summary: goes above the h1. */
export function TeamMessageErrorSummary() {
  const { errors } = useSlot().state;
  const items: ErrorSummaryItem[] = FIELDS.flatMap((field) => (errors[field.name] ? [{ fieldId: field.id, text: errors[field.name]! }] : []));
  return <ErrorSummary errors={items} />;
}

type Props = {
  caseId: string;
  replyToId?: string;
  types: { value: string; text: string }[];
  /** Who the message can go to, and the one chosen unless the caseworker changes it. */
  recipients: RecipientRadios;
  defaults?: { type?: string; subject?: string };
  submitLabel: string;
  hint: string;
};

export function TeamMessageForm({ caseId, replyToId, types, recipients, defaults = {}, submitLabel, hint }: Props) {
  const { state, action, isPending } = useSlot();
  const { errors, values } = state;
  return (
    <form action={action} noValidate className="max-w-[40em]">
      <input type="hidden" name="caseId" value={caseId} />
      {replyToId && <input type="hidden" name="replyToId" value={replyToId} />}
      <p className="mb-6">{hint}</p>
      <Radios name="to" idPrefix="message-to" legend="Who is this message to?" legendSize="s" error={errors.to} defaultValue={values.to ?? recipients.defaultTo} items={recipients.items} />
      <Select
        id="message-type"
        name="type"
        label="Message type"
        error={errors.type}
        defaultValue={values.type ?? defaults.type ?? ""}
        options={[{ value: "", text: "Select a message type" }, ...types]}
      />
      <TextInput id="message-subject" name="subject" label="Subject" error={errors.subject} defaultValue={values.subject ?? defaults.subject ?? ""} />
      <Textarea id="message-body" name="body" label="Message" hint="Plain text. The family reads it in the portal; the email only says a message is waiting." error={errors.body} defaultValue={values.body ?? ""} rows={8} />
      <Button type="submit" disabled={isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
