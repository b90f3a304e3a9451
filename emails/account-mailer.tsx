/**
 * Turns the account emails lib/auth asks for into rendered messages in the outbox, queued in
 * the caller's transaction.
 */
import type PgBoss from "pg-boss";
import type { AccountEmail, AccountMailer } from "@/lib/auth/mail-port";
import { queueEmail } from "@/lib/mail/queue-email";
import { CodeEmail } from "./code-email";
import { ServiceNotice } from "./service-notice";
import { renderEmail } from "./render-email";
import { SendNotice } from "./send-mailer";

type CodeEmailKind = Extract<AccountEmail, { code: string }>["kind"];

/** The code emails differ only in their words; each one's heading is its subject. */
const CODE_EMAILS: Record<CodeEmailKind, { subject: string; intro: string }> = {
  "verify-email": { subject: "Please verify your email address", intro: "Enter this code in the Children's Portal to confirm your email address and finish registering:" },
  "sign-in-code": { subject: "Your sign-in code", intro: "Use this code to finish signing in to the Children's Portal:" },
  "reset-password": { subject: "Reset your password", intro: "Enter this code in the Children's Portal to choose a new password:" },
};

function compose(councilName: string, email: AccountEmail) {
  switch (email.kind) {
    case "verify-email":
    case "sign-in-code":
    case "reset-password": {
      const { subject, intro } = CODE_EMAILS[email.kind];
      return { subject, element: <CodeEmail councilName={councilName} heading={subject} intro={intro} code={email.code} minutes={email.minutes} /> };
    }
    case "already-registered":
      return {
        subject: "You already have an account",
        element: (
          <ServiceNotice
            councilName={councilName}
            heading="You already have an account"
            paragraphs={[
              "Someone tried to register for the Children's Portal with this email address, which already has an account.",
              "If it was you, sign in instead, or use 'Forgotten your password?' on the sign-in page. If it was not you, you do not need to do anything.",
            ]}
          />
        ),
      };
    case "account-locked":
      return {
        subject: "Your account has been locked",
        element: (
          <ServiceNotice
            councilName={councilName}
            heading="Your account has been locked"
            paragraphs={[
              `There were too many attempts to sign in to your Children's Portal account with a wrong password, so it is locked for ${email.minutes} minutes.`,
              "If this was not you, change your password after the lock ends, or contact the council.",
            ]}
          />
        ),
      };
    case "staff-invitation":
      return {
        subject: "Set up your Children's Portal staff account",
        element: (
          <SendNotice
            councilName={councilName}
            heading="Set up your staff account"
            paragraphs={[`${email.invitedBy} has invited you to the council's staff area of the Children's Portal.`, "Use this link to choose your password. You then sign in with it and a code we email you each time."]}
            link={{ href: email.link, text: "Set up your account" }}
            after={[`The link can be used once and lasts ${email.days} days. If it has expired, ask your council's portal administrator to invite you again. If you were not expecting this, you do not need to do anything.`]}
          />
        ),
      };
  }
}

export function createAccountMailer(sender: PgBoss, councilName: string): AccountMailer {
  return async (db, email) => {
    const { subject, element } = compose(councilName, email);
    const body = await renderEmail(element);
    await queueEmail(db, sender, { to: email.to, subject, template: email.kind, ...body });
  };
}
