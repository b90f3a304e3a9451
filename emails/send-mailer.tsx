/**
 * The SEND emails lib/send asks for (lib/send/mail-port.ts), rendered and queued in the caller's
 * transaction. Email is not a secure channel and an address may be shared, so none of them names
 * the child or says what was decided: they say that something happened and where to read it.
 */
import { Link, Text } from "@react-email/components";
import type PgBoss from "pg-boss";
import type { SendEmail, SendMailer } from "@/lib/send/mail-port";
import type { StageKind } from "@/lib/send/timescales";
import { queueEmail } from "@/lib/mail/queue-email";
import { EmailLayout } from "./email-layout";
import { renderEmail } from "./render-email";

const paragraph = { fontSize: "19px", lineHeight: "25px" };

export const SEND_SUBJECTS = {
  "identity-code": "Your SEND Parent Portal identity code",
  "accept-invitation": "Accept Portal Invitation",
  "invitation-accepted": "Your request is with the SEND team",
  "invitation-declined": "A family declined the SEND Parent Portal invitation",
  "access-activated": "Your SEND Dashboard is ready",
  "message-waiting": "You have a new secure message",
  "document-published": "A new document is ready to view",
  "action-assigned": "The SEND team has asked you to complete a form",
  "action-submitted": "A family has sent a form you asked for",
} as const;

/** What the stage email says happened: never the outcome itself. */
const STAGE_NEWS: Record<StageKind, string> = {
  "assess-decision": "A decision about the assessment has been made",
  assessment: "The assessment has reached its next stage",
  "plan-decision": "A decision about an EHC plan has been made",
  "draft-plan": "A draft EHC plan has been issued",
  "final-plan": "The final EHC plan has been issued",
  "annual-review": "An annual review has been recorded",
};

export function stageSubject(stage: StageKind): string {
  return `${STAGE_NEWS[stage]}: sign in to read it`;
}

type NoticeProps = { councilName: string; heading: string; paragraphs: string[]; code?: string; link?: { href: string; text: string }; after?: string[] };

/** A SEND notice: paragraphs, then optionally a code shown large, a link, and closing paragraphs. */
export function SendNotice({ councilName, heading, paragraphs, code, link, after = [] }: NoticeProps) {
  return (
    <EmailLayout councilName={councilName} preview={paragraphs[0] ?? heading} heading={heading}>
      {paragraphs.map((text, index) => (
        <Text key={`p${index}`} style={paragraph}>
          {text}
        </Text>
      ))}
      {code ? <Text style={{ fontSize: "32px", fontWeight: 700, letterSpacing: "4px" }}>{code}</Text> : null}
      {link ? (
        <Text style={paragraph}>
          <Link href={link.href}>{link.text}</Link>
          <br />
          {link.href}
        </Text>
      ) : null}
      {after.map((text, index) => (
        <Text key={`a${index}`} style={paragraph}>
          {text}
        </Text>
      ))}
    </EmailLayout>
  );
}

SendNotice.PreviewProps = {
  councilName: "Demo Borough Council",
  heading: SEND_SUBJECTS["identity-code"],
  paragraphs: ["The SEND team has invited you to the SEND Parent Portal."],
  code: "ACDE-FG34",
} satisfies NoticeProps;

/** The usual notice: its heading is its subject. */
const notice = (councilName: string, kind: keyof typeof SEND_SUBJECTS, body: Omit<NoticeProps, "councilName" | "heading">) => ({
  subject: SEND_SUBJECTS[kind],
  props: { councilName, heading: SEND_SUBJECTS[kind], ...body },
});

function compose(councilName: string, email: SendEmail): { subject: string; props: NoticeProps } {
  switch (email.kind) {
    case "identity-code":
      return notice(councilName, "identity-code", {
        paragraphs: [
          "The SEND team has invited you to the SEND Parent Portal, where you can follow the EHC needs assessment you asked for.",
          "First the team needs to check who you are. Please contact them and quote this code:",
        ],
        code: email.code,
        after: [
          `Contact: ${email.teamContact}`,
          `The code lasts ${email.days} days. Once the team has checked it, we will email you an invitation titled "Accept Portal Invitation".`,
          "If you did not ask for an assessment, you can ignore this email.",
        ],
      });
    case "accept-invitation":
      return notice(councilName, "accept-invitation", {
        paragraphs: [
          "The SEND team has checked your identity. Use this link to set up your access to the SEND Parent Portal.",
          "If you already have an account on the Children's Portal, sign in as normal. If not, choose 'Register for new account' and use this email address.",
        ],
        link: { href: email.link, text: "Accept Portal Invitation" },
        after: [`The link can be used once and lasts ${email.days} days. If it has expired, contact the SEND team: ${email.teamContact}`],
      });
    case "invitation-accepted":
      return notice(councilName, "invitation-accepted", {
        paragraphs: [
          "Thank you for accepting the invitation to the SEND Parent Portal. Your request is now with the SEND team.",
          "When the team has activated your access we will email you the link to your SEND Dashboard.",
        ],
        after: [`Questions? Contact the SEND team: ${email.teamContact}`],
      });
    case "invitation-declined":
      return notice(councilName, "invitation-declined", {
        paragraphs: [`A family answered No to the SEND Parent Portal invitation on case ${email.caseNumber}.`],
        link: { href: email.link, text: `Open case ${email.caseNumber}` },
      });
    case "access-activated":
      return notice(councilName, "access-activated", {
        paragraphs: [
          "The SEND team has activated your access to the SEND Parent Portal.",
          "Sign in with your email address and password, then choose 'SEND Dashboard' under your child's name. We will email you a code each time you sign in.",
        ],
        link: { href: email.link, text: "Go to the SEND Dashboard" },
        after: ["You may want to add this link to your browser's favourites."],
      });
    case "message-waiting":
      return notice(councilName, "message-waiting", {
        paragraphs: [
          email.forTeam
            ? `A family has sent a secure message on case ${email.caseNumber ?? ""}. Sign in to read it.`
            : "The SEND team has sent you a secure message. Sign in to the SEND Parent Portal to read it.",
        ],
        link: { href: email.link, text: "Sign in to read it" },
      });
    case "document-published":
      return notice(councilName, "document-published", {
        paragraphs: ["The SEND team has published a document for you. Sign in to the SEND Parent Portal and open Documents to View."],
        link: { href: email.link, text: "Sign in to view it" },
      });
    case "action-assigned":
      return notice(councilName, "action-assigned", {
        paragraphs: ["The SEND team has asked you to complete a form. Sign in to the SEND Parent Portal and open Actions to Complete."],
        link: { href: email.link, text: "Sign in to complete it" },
      });
    case "action-submitted":
      return notice(councilName, "action-submitted", {
        paragraphs: [`The family on case ${email.caseNumber} has sent a form you asked them to complete.`],
        link: { href: email.link, text: `Open case ${email.caseNumber}` },
      });
    case "stage-recorded": {
      const subject = stageSubject(email.stage);
      return {
        subject,
        props: {
          councilName,
          heading: STAGE_NEWS[email.stage],
          paragraphs: [`${STAGE_NEWS[email.stage]} on the EHC needs assessment. Sign in to the SEND Parent Portal to read it.`],
          link: { href: email.link, text: "Sign in to read it" },
        },
      };
    }
  }
}

export function createSendMailer(sender: PgBoss, councilName: string): SendMailer {
  return async (db, email) => {
    const { subject, props } = compose(councilName, email);
    const body = await renderEmail(<SendNotice {...props} />);
    await queueEmail(db, sender, { to: email.to, subject, template: `send-${email.kind}`, ...body });
  };
}
