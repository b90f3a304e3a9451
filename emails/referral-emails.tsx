/**
 * Emails to a referrer when staff act on a form they sent (issue 6): "Your form has been sent
 * back for more information" and "A response has been posted". Each names the form and its
 * reference and links to Submitted Forms (which, after sign-in, is where the link lands). They
 * never carry a child's name, an answer, or what the caseworker wrote (the comments or the
 * response): those are read in the portal after signing in. The props have no place for them.
 * The reason for a request (a fixed label such as "Insufficient Detail") is not personal, so
 * the first email names it.
 */
import { Link, Text } from "@react-email/components";
import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";
import { queueEmail } from "@/lib/mail/queue-email";
import { EmailLayout } from "./email-layout";
import { renderEmail } from "./render-email";

const paragraph = { fontSize: "19px", lineHeight: "25px" };

export const MORE_INFORMATION_REQUESTED_SUBJECT = "Your form has been sent back for more information";
export const RESPONSE_POSTED_SUBJECT = "A response has been posted";

/** What both emails name: the form, its reference and where to read more (APP_URL + "/submitted"). */
type ReferralEmailProps = { councilName: string; forename: string; formTitle: string; reference: string; link: string };

export type MoreInformationRequestedProps = ReferralEmailProps & {
  /** The reason's label ("Insufficient Detail", REASON_LABELS); empty to leave it out. Never the caseworker's comments. */
  reasonLabel: string;
};

export function MoreInformationRequested({ councilName, forename, formTitle, reference, link, reasonLabel }: MoreInformationRequestedProps) {
  return (
    <EmailLayout councilName={councilName} preview={`The council has asked for more information about your form ${reference}.`} heading={MORE_INFORMATION_REQUESTED_SUBJECT}>
      <Text style={paragraph}>Dear {forename},</Text>
      <Text style={paragraph}>
        The team at {councilName} has asked for more information about your form &quot;{formTitle}&quot; (reference {reference}).
      </Text>
      {reasonLabel.trim() ? <Text style={paragraph}>Reason: {reasonLabel.trim()}</Text> : null}
      <Text style={paragraph}>
        To see what the team needs and add it, sign in and open Submitted Forms: <Link href={link}>{link}</Link>
      </Text>
      <Text style={paragraph}>The form is listed under &apos;Forms requesting more information&apos;. Choose &apos;Add info&apos;, make your changes and send it again.</Text>
      <Text style={paragraph}>If a child is in immediate danger, call 999.</Text>
    </EmailLayout>
  );
}

/** The preview server's sample referrer, the same in both emails. */
const PREVIEW_REFERRER = { councilName: "Demo Borough Council", forename: "Sam", reference: "CP-ABCD-EFGH", link: "http://localhost:3000/submitted" };

MoreInformationRequested.PreviewProps = {
  ...PREVIEW_REFERRER,
  formTitle: "Child/Young Person Safeguarding Concern",
  reasonLabel: "Insufficient Detail",
} satisfies MoreInformationRequestedProps;

export type ResponsePostedProps = ReferralEmailProps;

export function ResponsePosted({ councilName, forename, formTitle, reference, link }: ResponsePostedProps) {
  return (
    <EmailLayout councilName={councilName} preview={`The council has responded to your form ${reference}.`} heading={RESPONSE_POSTED_SUBJECT}>
      <Text style={paragraph}>Dear {forename},</Text>
      <Text style={paragraph}>
        {councilName} has posted a response to your form &quot;{formTitle}&quot; (reference {reference}).
      </Text>
      <Text style={paragraph}>
        To read it, sign in and open Submitted Forms: <Link href={link}>{link}</Link>
      </Text>
      <Text style={paragraph}>If a child is in immediate danger, call 999.</Text>
    </EmailLayout>
  );
}

ResponsePosted.PreviewProps = { ...PREVIEW_REFERRER, formTitle: "External Early Help Assessment" } satisfies ResponsePostedProps;

/** Renders "sent back for more information" and queues it with the caller's handle (pass the action's transaction). */
export async function queueMoreInformationRequested(db: DbOrTx, sender: PgBoss, to: string, props: MoreInformationRequestedProps): Promise<void> {
  const body = await renderEmail(<MoreInformationRequested {...props} />);
  await queueEmail(db, sender, { to, subject: MORE_INFORMATION_REQUESTED_SUBJECT, template: "more-information-requested", ...body });
}

/** Renders "a response has been posted" and queues it with the caller's handle (pass the action's transaction). */
export async function queueResponsePosted(db: DbOrTx, sender: PgBoss, to: string, props: ResponsePostedProps): Promise<void> {
  const body = await renderEmail(<ResponsePosted {...props} />);
  await queueEmail(db, sender, { to, subject: RESPONSE_POSTED_SUBJECT, template: "response-posted", ...body });
}
