import type { Metadata } from "next";
import { Prose } from "@/components/prose";
import { councilSettings } from "@/lib/config";

export const metadata: Metadata = { title: "Accessibility statement" };

export default function AccessibilityStatementPage() {
  const council = councilSettings();
  return (
    <Prose>
      <h1 className="heading-xl mb-8">Accessibility statement for the Children&apos;s Portal</h1>
      <p>
        This accessibility statement applies to the Children&apos;s Portal, run by {council.name}. You use it to send forms to the
        council&apos;s children&apos;s services and, if you are invited, to use the SEND Dashboard.
      </p>
      <p>We want as many people as possible to be able to use this website. For example, that means you should be able to:</p>
      <ul>
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>use it on a screen as narrow as 320 pixels, such as a small phone</li>
        <li>get from the start of a form to the end using just a keyboard or speech recognition software</li>
        <li>listen to most of the website using a screen reader (including the latest versions of JAWS, NVDA and VoiceOver)</li>
        <li>fill in and send forms with JavaScript turned off</li>
      </ul>
      <p>We have also made the website text as simple as possible to understand.</p>
      <p>
        <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you have a
        disability.
      </p>

      <h2>Signing in and time limits</h2>
      <ul>
        <li>
          Each time you sign in we email you a code. It lasts {council.codeLifetimeMinutes} minutes and can be used once. You can
          copy and paste it: you do not need to remember it or type it, and spaces in it do not matter.
        </li>
        <li>
          For your security we sign you out after {council.idleTimeoutMinutes} minutes without activity. We warn you{" "}
          {council.idleWarningMinutes} minutes before, and you can choose to stay signed in. Your answers are not lost if you are
          signed out.
        </li>
      </ul>

      <h2>How accessible this website is</h2>
      <p>
        This website is designed to meet the Web Content Accessibility Guidelines version 2.2 AA standard. Every page is checked
        with automated accessibility tests before each release. Automated tests cannot find every problem, so if something does not
        work for you, please tell us.
      </p>

      <h2>Feedback and contact information</h2>
      <p>
        If you need information on this website in a different format, such as an accessible PDF, large print, easy read, an audio
        recording or braille, contact {council.name}&apos;s children&apos;s services using the contact details on the council&apos;s
        website. Tell us which page or form it is about and the format you need.
      </p>

      <h2>Reporting accessibility problems with this website</h2>
      <p>
        We are always looking to improve the accessibility of this website. If you find a problem not listed on this page, or you
        think we are not meeting accessibility requirements, contact {council.name} and tell us:
      </p>
      <ul>
        <li>the web address (URL) of the page</li>
        <li>what you were trying to do and what went wrong</li>
        <li>the computer, phone or assistive technology you were using, if you know</li>
      </ul>
      <p>Please do not include details about a child or family in your report.</p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile
        Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;). If you are not happy
        with how we respond to your complaint, contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>

      <h2>Technical information about this website&apos;s accessibility</h2>
      <p>
        {council.name} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and
        Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3>Compliance status</h3>
      <p>
        This website is built to be fully compliant with the{" "}
        <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard. If we find
        content that does not meet the standard, we will list it here with the date we expect to fix it.
      </p>
      <h3>Documents you upload or download</h3>
      <p>
        PDF copies of forms made with &lsquo;Create PDF&rsquo; contain the same questions and answers as the pages you filled in.
        Documents that other people upload, such as reports or letters, may not be accessible. If you cannot read one, ask us for
        it in a different format.
      </p>

      <h2>What we are doing to improve accessibility</h2>
      <p>
        We follow the GOV.UK Design System, whose components have been researched with disabled people. We test new pages for
        accessibility before they are released and review this statement when the website changes.
      </p>
    </Prose>
  );
}
