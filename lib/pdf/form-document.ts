/**
 * A form as a PDF ("Create PDF", guides 000, 002 and 003): the council, the form's title, the
 * reference and submission time once sent, every section that applies with its answers (one
 * line per group of people where their answers differ), and the attached documents.
 *
 * The HTML is React's static markup of FormDocumentPage (components/answers/form-document.tsx),
 * which draws the answers with the component Check your answers draws, so the two cannot
 * disagree and every piece of user text is escaped by React. It is self-contained (inline
 * style); the renderer fetches nothing. A4, with a header and a footer carrying page numbers;
 * the text is selectable, the document has a title and a language, and Chromium writes a tagged PDF.
 */
import { createElement } from "react";
import type { PDFOptions } from "puppeteer-core";
import { FormDocumentFooter, FormDocumentHeader, FormDocumentPage } from "@/components/answers/form-document";
import { summariseForm } from "@/lib/forms/summary";
import type { Answers, FormDefinition, Person } from "@/lib/forms/types";
import type { PdfRenderer, RenderResult } from "./renderer";
import { renderStaticMarkup } from "./static-markup";

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

/** The document's HTML and the header and footer Chromium repeats on every page. */
export async function formDocumentHtml(document: FormDocument): Promise<{ html: string; headerTemplate: string; footerTemplate: string }> {
  const { definition, people, answers } = document;
  const sections = summariseForm(definition, answers, people, document.attachments ?? []);
  const fileQuestions = new Set(definition.sections.flatMap((section) => section.questions.filter((question) => question.type === "file").map((question) => question.id)));
  const hasFileQuestion = sections.some((section) => section.rows.some((row) => fileQuestions.has(row.questionId)));
  const [body, headerTemplate, footerTemplate] = await Promise.all([
    renderStaticMarkup(createElement(FormDocumentPage, { document, sections, hasFileQuestion })),
    renderStaticMarkup(createElement(FormDocumentHeader, { document })),
    renderStaticMarkup(createElement(FormDocumentFooter)),
  ]);
  return { html: `<!doctype html>${body}`, headerTemplate, footerTemplate };
}

const PDF_OPTIONS: PDFOptions = { displayHeaderFooter: true, tagged: true, outline: true, margin: { top: "22mm", bottom: "20mm", left: "16mm", right: "16mm" } };

export async function renderFormPdf(renderer: PdfRenderer, document: FormDocument): Promise<Buffer> {
  const { html, headerTemplate, footerTemplate } = await formDocumentHtml(document);
  return renderer.render(html, { ...PDF_OPTIONS, headerTemplate, footerTemplate });
}

/** The same, for a person: refused ("busy") when they already have their share of renders or the queue is full. */
export async function renderFormPdfFor(personId: string, renderer: PdfRenderer, document: FormDocument): Promise<RenderResult> {
  const { html, headerTemplate, footerTemplate } = await formDocumentHtml(document);
  return renderer.renderFor(personId, html, { ...PDF_OPTIONS, headerTemplate, footerTemplate });
}
