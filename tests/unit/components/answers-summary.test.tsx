/**
 * The answers summary that Check your answers draws and the PDF renders: markup typed into an
 * answer (or a name, or a file name) is text in both, never an element or an attribute.
 */
import { describe, expect, it } from "vitest";
import { AnswersSummary } from "@/components/answers/answers-summary";
import { formById } from "@/lib/forms/catalogue";
import { summariseForm } from "@/lib/forms/summary";
import type { Answers, Person } from "@/lib/forms/types";
import { formDocumentHtml } from "@/lib/pdf/form-document";
import { render } from "./markup";

const HOSTILE = `<script>alert(1)</script> <img src=x onerror="alert(2)"> Tom & Jerry`;
const ESCAPED = `&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(2)&quot;&gt; Tom &amp; Jerry`;

const definition = formById("safeguarding-concern")!;
const people: Person[] = [
  { id: "p1", forename: "Amy", surname: "<b>Smith</b>" },
  { id: "p2", forename: "Ben", surname: "Smith" },
];
const answers: Answers = {
  completingAs: "professional",
  referrerName: HOSTILE,
  concernDetails: { groups: [{ personIds: ["p1"], value: `Amy: ${HOSTILE}` }, { personIds: ["p2"], value: "Ben is fine" }] },
};
const files = [{ fileName: `<img src=x onerror=alert(3)>.pdf`, sizeBytes: 2048 }];

/** Markup that would run or fetch if a browser read it as HTML. */
function expectNoInjectedMarkup(html: string) {
  expect(html).not.toContain("<script");
  expect(html).not.toMatch(/<img\b/);
  expect(html).not.toMatch(/<[^<>]*\sonerror=/);
  expect(html).not.toContain("<b>Smith");
}

describe("an answer holding markup", () => {
  it("is text on Check your answers (escaped by React), Change links and all", () => {
    const html = render(
      <AnswersSummary
        people={people}
        answers={answers}
        sections={summariseForm(definition, answers, people, files)}
        changeHref={{ people: "/drafts/d/people", question: (sectionId, questionId) => `/drafts/d/${sectionId}#${questionId}` }}
      />,
    );
    expect(html).toContain(`<p class="mb-1 whitespace-pre-line last:mb-0">${ESCAPED}</p>`);
    expect(html).toContain(`Amy: Amy: ${ESCAPED}`);
    expect(html).toContain("Amy &lt;b&gt;Smith&lt;/b&gt;, Ben Smith");
    expect(html).toContain("&lt;img src=x onerror=alert(3)&gt;.pdf");
    expect(html).toContain('href="/drafts/d/professional-details#referrerName"');
    expectNoInjectedMarkup(html);
  });

  it("is text in the PDF's HTML, body and header alike, which is one self-contained document", async () => {
    const { html, headerTemplate, footerTemplate } = await formDocumentHtml({
      councilName: "Demo & <i>Borough</i> Council",
      definition,
      people,
      answers,
      attachments: files,
      createdAt: new Date("2026-11-23T10:00:00Z"),
    });
    expect(html).toMatch(/^<!doctype html><html lang="en-GB"><head><meta charSet="utf-8"\/><title>Child\/Young Person Safeguarding Concern – not sent<\/title><style>/);
    expect(html).toContain(`<p class="mb-1 whitespace-pre-line last:mb-0">${ESCAPED}</p>`);
    expect(html).toContain("&lt;img src=x onerror=alert(3)&gt;.pdf");
    expect(html).toContain("Demo &amp; &lt;i&gt;Borough&lt;/i&gt; Council");
    expect(headerTemplate).toContain("Demo &amp; &lt;i&gt;Borough&lt;/i&gt; Council");
    expect(footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    for (const part of [html, headerTemplate]) expectNoInjectedMarkup(part);
    expect(html).not.toMatch(/<link\b|<[^<>]*\ssrc=|url\(/);
    // The page's own sheet, unescaped: a CSS selector's ">" must reach Chromium as written.
    expect(html).toContain("dl > div { display: flex;");
  });
});
