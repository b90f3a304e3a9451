"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { NotificationBanner } from "@/components/notification-banner";
import { RequiredLabel } from "@/components/required-label";
import { Select } from "@/components/select";
import { Textarea } from "@/components/textarea";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE, type FormState } from "@/app/_forms/form-state";
import { sendFamilyMessageAction } from "./actions";

type Props = {
  caseId: string;
  childName: string;
  types: { value: string; text: string }[];
  replyToId: string | null;
  defaults: { type: string; subject: string };
  cancelHref: string;
  maxSubject: number;
  maxBody: number;
  /** What was typed before a timeout, kept and given back after signing in (not yet sent). */
  kept?: FormState | null;
};

const FIELDS = [
  { name: "type", id: "message-type" },
  { name: "subject", id: "message-subject" },
  { name: "body", id: "message-body" },
] as const;

/**
 * "Secure Message": Message Type, Subject and Message, then Cancel and Send. One plain form
 * posting to a server action, so it works without JavaScript; errors come back in a summary
 * linking to each field and beside the fields, with what was typed kept.
 */
export function MessageForm({ caseId, childName, types, replyToId, defaults, cancelHref, maxSubject, maxBody, kept }: Props) {
  const [state, formAction, isPending] = useActionState(sendFamilyMessageAction, kept ?? EMPTY_FORM_STATE);
  const { errors, values } = state;
  const summary: ErrorSummaryItem[] = FIELDS.flatMap((field) => (errors[field.name] ? [{ fieldId: field.id, text: errors[field.name]! }] : []));
  return (
    <form action={formAction} noValidate className="max-w-[40em]">
      <ErrorSummary errors={summary} />
      {kept && state === kept && (
        <NotificationBanner type="success" heading="We kept what you typed">
          <p>You were signed out before your message was sent. It is below: select &lsquo;Send&rsquo; to send it.</p>
        </NotificationBanner>
      )}
      <span className="body-l mb-1 block text-secondary-ink">{childName}&apos;s Messages</span>
      <h1 className="heading-xl mb-6">Secure Message</h1>
      <p className="mb-6">
        Fields marked <span className="font-bold text-error">*</span> must be filled in. Your message goes to the SEND team working with {childName}. Only you and the SEND team can read it.
      </p>
      <input type="hidden" name="caseId" value={caseId} />
      {replyToId && <input type="hidden" name="replyToId" value={replyToId} />}
      <Select
        id="message-type"
        name="type"
        label={<RequiredLabel text="Message Type" />}
        error={errors.type}
        defaultValue={values.type ?? defaults.type}
        options={[{ value: "", text: "Select a message type" }, ...types]}
      />
      <TextInput id="message-subject" name="subject" label={<RequiredLabel text="Subject" />} hint={`Up to ${maxSubject} characters.`} error={errors.subject} defaultValue={values.subject ?? defaults.subject} />
      <Textarea
        id="message-body"
        name="body"
        label={<RequiredLabel text="Message" />}
        hint="Do not include passwords or bank details."
        error={errors.body}
        defaultValue={values.body ?? ""}
        rows={10}
        maxLength={maxBody}
      />
      <div className="flex flex-wrap gap-x-4">
        <Button href={cancelHref} variant="secondary">
          Cancel
        </Button>
        <Button type="submit" disabled={isPending}>
          Send
        </Button>
      </div>
    </form>
  );
}
