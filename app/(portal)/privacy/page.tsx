import type { Metadata } from "next";
import { Prose } from "@/components/prose";
import { councilSettings } from "@/lib/config";

export const metadata: Metadata = { title: "Privacy notice" };

export default function PrivacyNoticePage() {
  const council = councilSettings();
  return (
    <Prose>
      <h1 className="heading-xl mb-8">Privacy notice for the Children&apos;s Portal</h1>
      <p>
        {council.name} is the data controller for the personal information you give us through the Children&apos;s Portal. This
        notice explains what we hold, why, who we share it with, how long we keep it, and your rights.
      </p>

      <h2>What personal information we hold</h2>
      <h3>About you, if you have an account</h3>
      <ul>
        <li>your name and email address, and if you use the portal at work, your organisation and role</li>
        <li>your password, stored only in a scrambled form (a hash) that nobody at the council can read</li>
        <li>when you signed in and when someone tried to sign in as you, to keep your account secure</li>
      </ul>
      <h3>About the children and families a form is about</h3>
      <ul>
        <li>names, dates of birth, addresses, and identifiers such as NHS numbers and unique pupil numbers</li>
        <li>what you tell us about their needs, health, special educational needs and disabilities, and any concerns</li>
        <li>documents you attach, such as reports and letters</li>
        <li>for the SEND Dashboard: the EHC needs assessment&apos;s dates, messages with your caseworker, and documents we publish</li>
      </ul>
      <p>
        Some of this is special category information (such as health) and may include information about criminal offences. We
        protect it accordingly.
      </p>

      <h2>Why we use it and our lawful basis</h2>
      <p>
        We use this information to receive and act on referrals, to work out what help a child and family need, to keep children
        safe, and to carry out EHC needs assessments. We do this as part of our public tasks and legal duties (UK GDPR Article
        6(1)(e) and 6(1)(c)) under laws including the Children Act 1989, the Children Act 2004, the Children and Families Act 2014
        and the Special Educational Needs and Disability Regulations 2014.
      </p>
      <p>
        We use special category information for reasons of substantial public interest, including safeguarding children and
        individuals at risk, and for providing health and social care (UK GDPR Article 9(2)(g) and 9(2)(h), and Schedule 1 of the
        Data Protection Act 2018).
      </p>
      <p>
        If you are a professional making a referral, you remain responsible for sharing information in line with your own
        organisation&apos;s data protection policies and information sharing agreements.
      </p>

      <h2>Who we share it with</h2>
      <ul>
        <li>the council teams who need it to respond: Early Help, children&apos;s social care and the SEND team</li>
        <li>
          other organisations, such as the police, health services and schools, only where the law allows or requires it, for
          example to protect a child from harm
        </li>
        <li>companies that run parts of the service for us (such as hosting and email), who may only act on our instructions</li>
      </ul>
      <p>We never sell personal information or use it for marketing.</p>

      <h2>How long we keep it</h2>
      <ul>
        <li>
          Saved forms that have not been sent, with any documents attached to them, are deleted {council.draftRetentionDays} days
          after the day the form was started.
        </li>
        <li>
          Forms you have sent appear in your Submitted Forms for {council.submittedFormsDays} days. The council keeps the referral
          as part of the child&apos;s record for as long as our records retention schedule requires.
        </li>
        <li>
          Sign-in codes last {council.codeLifetimeMinutes} minutes, work once, and are stored only in scrambled form. Requesting a
          new code cancels the previous one.
        </li>
      </ul>

      <h2>How we keep it safe</h2>
      <p>
        Information is sent over an encrypted connection and you must sign in with your password and an emailed code. After{" "}
        {council.maxFailedAttempts} wrong attempts we lock sign-in for {council.lockoutMinutes} minutes. We sign you out after{" "}
        {council.idleTimeoutMinutes} minutes without activity.
      </p>

      <h2>Cookies</h2>
      <p>
        We only use the cookies the portal needs to work: to keep you signed in and to protect forms against misuse. We do not use
        cookies for analytics or advertising, so we do not ask for your consent to them.
      </p>

      <h2>Your rights</h2>
      <p>You have the right to:</p>
      <ul>
        <li>ask for a copy of the information we hold about you</li>
        <li>ask us to correct information that is wrong</li>
        <li>ask us to delete or restrict the use of your information, or object to how we use it</li>
      </ul>
      <p>
        Some rights are limited where we hold information to protect children. To use any of these rights, contact{" "}
        {council.name}&apos;s Data Protection Officer using the details on the council&apos;s website.
      </p>

      <h2>How to complain</h2>
      <p>
        If you are unhappy with how we have used your information, tell us first. You can also complain to the{" "}
        <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner&apos;s Office</a> (ICO), telephone 0303 123 1113.
      </p>
    </Prose>
  );
}
