/**
 * A form as a PDF ("Create PDF", guides 000, 002 and 003): the council, the form's title, the
 * reference and submission time once sent, every section that applies with its answers (one
 * line per group of people where their answers differ), and the attached documents. Drawn
 * from the same summary as Check your answers, so the two cannot disagree.
 *
 * Every piece of user text is escaped before it is templated; the renderer fetches nothing.
 * A4, with a header and a footer carrying page numbers; the text is selectable, the document
 * has a title and a language, and Chromium writes a tagged PDF.
 */
import type { PDFOptions } from "puppeteer-core";
import { formatDateTime } from "@/lib/dates/format";
import { formatBytes } from "@/lib/format/bytes";
import { audienceLabel } from "@/lib/forms/completing-as";
import { summariseForm } from "@/lib/forms/summary";
import type { Answers, Audience, FormDefinition, Person } from "@/lib/forms/types";
import { escapeHtml } from "./escape-html";
import type { PdfRenderer, RenderResult } from "./renderer";

export type FormDocument = {
  councilName: string;
  definition: FormDefinition;
  people: readonly Person[];
  answers: Answers;
  /** Set once sent. */
  submitted?: { reference: string; at: Date };
  attachments?: readonly { fileName: string; sizeBytes: number }[];
  /** When the PDF was made, shown on a draft's PDF. */
  createdAt: Date;
};


const STYLE = `
  @page { size: A4; }
  body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.35; color: #0b0c0c; margin: 0; }
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  .council { font-size: 12pt; font-weight: bold; margin: 0 0 10pt; }
  .status { border: 2px solid #0b0c0c; padding: 6pt 8pt; margin: 0 0 14pt; }
  h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1px solid #b1b4b6; padding-bottom: 3pt; break-after: avoid; }
  dl { margin: 0; }
  .row { display: flex; gap: 12pt; padding: 4pt 0; border-bottom: 1px solid #e5e6e7; break-inside: avoid; }
  dt { font-weight: bold; width: 40%; flex: none; }
  dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  dd p { margin: 0 0 3pt; }
  ul { margin: 0; padding-left: 16pt; }
`;

function hasShownFileQuestion(definition: FormDefinition, answers: Answers): boolean {
  return summariseForm(definition, answers, []).some((section) => section.rows.some((row) => definition.sections.some((candidate) => candidate.questions.some((question) => question.id === row.questionId && question.type === "file"))));
}

/** The document's HTML and the header and footer Chromium repeats on every page. */
export function formDocumentHtml(document: FormDocument): { html: string; headerTemplate: string; footerTemplate: string } {
  const { definition, people, answers, submitted } = document;
  const title = `${definition.title}${submitted ? ` – ${submitted.reference}` : " – not sent"}`;
  const completingAs = typeof answers.completingAs === "string" ? audienceLabel(answers.completingAs as Audience) : "Not answered";
  const about = people.map((person) => `${person.forename} ${person.surname}`).join(", ") || "Not answered";
  const attachments = document.attachments ?? [];
  const sections = summariseForm(definition, answers, people, attachments)
    .map(
      (section) => `<section><h2>${escapeHtml(section.title)}</h2><dl>${section.rows
        .map((row) => `<div class="row"><dt>${escapeHtml(row.label)}</dt><dd>${row.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}</dd></div>`)
        .join("")}</dl></section>`,
    )
    .join("");
  const status = submitted
    ? `Reference: <strong>${escapeHtml(submitted.reference)}</strong>. Sent to ${escapeHtml(document.councilName)} on ${escapeHtml(formatDateTime(submitted.at))}.`
    : `Not sent yet: a copy of the answers saved on ${escapeHtml(formatDateTime(document.createdAt))}.`;
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>
<p class="council">${escapeHtml(document.councilName)}</p>
<h1>${escapeHtml(definition.title)}</h1>
<p class="status">${status}</p>
<section><h2>Who is this about?</h2><dl>
<div class="row"><dt>People</dt><dd>${escapeHtml(about)}</dd></div>
<div class="row"><dt>Completing this form as a</dt><dd>${escapeHtml(completingAs)}</dd></div>
</dl></section>
${sections}
${
    // A form without a documents section (or one hidden for these answers) still lists any file it carries.
    attachments.length > 0 && !hasShownFileQuestion(definition, answers)
      ? `<section><h2>Supporting documents</h2><ul>${attachments.map((file) => `<li>${escapeHtml(file.fileName)} (${escapeHtml(formatBytes(file.sizeBytes))})</li>`).join("")}</ul></section>`
      : ""
  }
</body></html>`;
  const small = "font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #505a5f; width: 100%; padding: 0 16mm;";
  const headerTemplate = `<div style="${small} display: flex; justify-content: space-between;"><span>${escapeHtml(document.councilName)}</span><span>${escapeHtml(title)}</span></div>`;
  const footerTemplate = `<div style="${small} text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;
  return { html, headerTemplate, footerTemplate };
}

const PDF_OPTIONS: PDFOptions = { displayHeaderFooter: true, tagged: true, outline: true, margin: { top: "22mm", bottom: "20mm", left: "16mm", right: "16mm" } };

export async function renderFormPdf(renderer: PdfRenderer, document: FormDocument): Promise<Buffer> {
  const { html, headerTemplate, footerTemplate } = formDocumentHtml(document);
  return renderer.render(html, { ...PDF_OPTIONS, headerTemplate, footerTemplate });
}

/** The same, for a person: refused ("busy") when they already have their share of renders or the queue is full. */
export async function renderFormPdfFor(personId: string, renderer: PdfRenderer, document: FormDocument): Promise<RenderResult> {
  const { html, headerTemplate, footerTemplate } = formDocumentHtml(document);
  return renderer.renderFor(personId, html, { ...PDF_OPTIONS, headerTemplate, footerTemplate });
}
