/**
 * Emails about a user's forms: "Save for later" (with a link that, after sign-in, opens the
 * saved form) and "Confirmation of form submission". They name the form and the reference,
 * never an answer or a child's name.
 */
import { Link, Text } from "@react-email/components";
import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";
import { formatTimeOnDay } from "@/lib/format/dates";
import { queueEmail } from "@/lib/mail/queue-email";
import { EmailLayout } from "./email-layout";
import { renderEmail } from "./render-email";

const paragraph = { fontSize: "19px", lineHeight: "25px" };

export const SAVED_FOR_LATER_SUBJECT = "Your form has been saved";
export const SUBMISSION_CONFIRMATION_SUBJECT = "Confirmation of form submission";

export type SavedForLaterProps = { councilName: string; forename: string; formTitle: string; link: string; expiresAt: Date };

export function SavedForLater({ councilName, forename, formTitle, link, expiresAt }: SavedForLaterProps) {
  return (
    <EmailLayout councilName={councilName} preview={`Your form "${formTitle}" has been saved.`} heading={SAVED_FOR_LATER_SUBJECT}>
      <Text style={paragraph}>Dear {forename},</Text>
      <Text style={paragraph}>Your form &quot;{formTitle}&quot; has been saved. It has not been sent to the council yet.</Text>
      <Text style={paragraph}>
        To carry on, open <Link href={link}>{link}</Link> and sign in, or sign in and choose &apos;Recover a form&apos;.
      </Text>
      <Text style={paragraph}>The saved form will be deleted at {formatTimeOnDay(expiresAt)} if it has not been sent.</Text>
    </EmailLayout>
  );
}

SavedForLater.PreviewProps = {
  councilName: "Demo Borough Council",
  forename: "Sam",
  formTitle: "Child/Young Person Safeguarding Concern",
  link: "http://localhost:3000/drafts/00000000-0000-0000-0000-000000000000",
  expiresAt: new Date("2026-12-23T09:00:00Z"),
} satisfies SavedForLaterProps;

export type SubmissionConfirmationProps = { councilName: string; forename: string; formTitle: string; reference: string; link: string };

export function SubmissionConfirmation({ councilName, forename, formTitle, reference, link }: SubmissionConfirmationProps) {
  return (
    <EmailLayout councilName={councilName} preview={`Your reference number is ${reference}.`} heading={SUBMISSION_CONFIRMATION_SUBJECT}>
      <Text style={paragraph}>Dear {forename},</Text>
      <Text style={paragraph}>
        Thank you. Your form &quot;{formTitle}&quot; has been sent to {councilName}. Your reference number is {reference}.
      </Text>
      <Text style={paragraph}>
        You can see the forms you have sent, and the council&apos;s response, in Submitted Forms: <Link href={link}>{link}</Link>
      </Text>
      <Text style={paragraph}>If a child is in immediate danger, call 999.</Text>
    </EmailLayout>
  );
}

SubmissionConfirmation.PreviewProps = {
  councilName: "Demo Borough Council",
  forename: "Sam",
  formTitle: "Child/Young Person Safeguarding Concern",
  reference: "CP-ABCD-EFGH",
  link: "http://localhost:3000/submitted",
} satisfies SubmissionConfirmationProps;

export async function queueSavedForLater(db: DbOrTx, sender: PgBoss, to: string, props: SavedForLaterProps): Promise<void> {
  const body = await renderEmail(<SavedForLater {...props} />);
  await queueEmail(db, sender, { to, subject: SAVED_FOR_LATER_SUBJECT, template: "saved-for-later", ...body });
}

export async function queueSubmissionConfirmation(db: DbOrTx, sender: PgBoss, to: string, props: SubmissionConfirmationProps): Promise<void> {
  const body = await renderEmail(<SubmissionConfirmation {...props} />);
  await queueEmail(db, sender, { to, subject: SUBMISSION_CONFIRMATION_SUBJECT, template: "submission-confirmation", ...body });
}
