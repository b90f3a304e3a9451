import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";
import type { DraftEmail } from "@/lib/drafts/deps";
import { formatTimeOnDay } from "@/lib/format/dates";
import { formById } from "@/lib/forms/catalogue";
import { queueEmail } from "@/lib/mail/queue-email";
import { ServiceNotice } from "./service-notice";
import { renderEmail } from "./render-email";

export const DRAFT_EXPIRY_REMINDER_SUBJECT = "Your saved form will be deleted soon";

/** The form's title, or null for a form the portal no longer offers. */
export function formTitleFor(formId: string): string | null {
  return formById(formId)?.title ?? null;
}

export type DraftExpiryReminderProps = { councilName: string; forename: string; formTitle: string | null; expiresAt: Date };

/** Tells a user, a few days ahead, that a saved form will be deleted and how to finish it. */
export function DraftExpiryReminder({ councilName, forename, formTitle, expiresAt }: DraftExpiryReminderProps) {
  // "9am on Wednesday 3 March 2027", in UK time whatever the server's zone.
  const when = formatTimeOnDay(expiresAt);
  const paragraphs = [
    `Dear ${forename},`,
    `${formTitle ? `Your saved form "${formTitle}"` : "Your saved form"} has not been sent yet. It will be deleted at ${when}.`,
    "To finish it, sign in to the Children's Portal and choose 'Recover a form'. Once it is deleted, your answers cannot be recovered.",
    "If you no longer need the form, you do not need to do anything.",
  ];
  return <ServiceNotice councilName={councilName} heading={DRAFT_EXPIRY_REMINDER_SUBJECT} paragraphs={paragraphs} preview={`Your saved form will be deleted at ${when}.`} />;
}

DraftExpiryReminder.PreviewProps = {
  councilName: "Demo Borough Council",
  forename: "Sam",
  formTitle: "Child/Young Person Safeguarding Concern",
  expiresAt: new Date("2026-12-04T09:00:00Z"),
} satisfies DraftExpiryReminderProps;

export default DraftExpiryReminder;

/** Renders the reminder and queues it in the caller's transaction (the drafts' mail port, draft-mailer.ts). */
export async function queueDraftExpiryReminder(tx: DbOrTx, sender: PgBoss, councilName: string, reminder: Extract<DraftEmail, { kind: "expiry-reminder" }>): Promise<void> {
  const body = await renderEmail(<DraftExpiryReminder councilName={councilName} forename={reminder.forename} formTitle={formTitleFor(reminder.formId)} expiresAt={reminder.expiresAt} />);
  await queueEmail(tx, sender, { to: reminder.to, subject: DRAFT_EXPIRY_REMINDER_SUBJECT, template: "draft-expiry-reminder", ...body });
}
