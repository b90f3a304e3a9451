/**
 * A form as one self-contained HTML document, for the PDF (lib/pdf/form-document.ts renders it to
 * static markup): the council, the form's title, the reference and submission time once sent,
 * then the answers drawn by AnswersSummary, the component Check your answers draws, so the two
 * cannot disagree. Its only style is the inline sheet below (the renderer fetches nothing), and
 * every piece of user text is a text child, escaped by React.
 *
 * Also the header and footer Chromium repeats on every page (its templates are HTML too).
 */
import type { CSSProperties } from "react";
import { formatDateTime } from "@/lib/format/dates";
import { formatBytes } from "@/lib/format/bytes";
import type { FormDocument } from "@/lib/pdf/form-document";
import type { SummarySection } from "@/lib/forms/summary";
import { AnswersSummary } from "./answers-summary";

/** The sheet for the markup AnswersSummary draws (its Tailwind classes mean nothing here). */
const STYLE = `
  @page { size: A4; }
  body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.35; color: #0b0c0c; margin: 0; }
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  .council { font-size: 12pt; font-weight: bold; margin: 0 0 10pt; }
  .status { border: 2px solid #0b0c0c; padding: 6pt 8pt; margin: 0 0 14pt; }
  h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1px solid #b1b4b6; padding-bottom: 3pt; break-after: avoid; }
  dl { margin: 0; }
  dl > div { display: flex; gap: 12pt; padding: 4pt 0; border-bottom: 1px solid #e5e6e7; break-inside: avoid; }
  dt { font-weight: bold; width: 40%; flex: none; }
  dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  dd p { margin: 0 0 3pt; }
  ul { margin: 0; padding-left: 16pt; }
`;

/** The document's title: the form's, with the reference once sent. */
export function formDocumentTitle({ definition, submitted }: Pick<FormDocument, "definition" | "submitted">): string {
  return `${definition.title}${submitted ? ` – ${submitted.reference}` : " – not sent"}`;
}

type Props = { document: FormDocument; sections: readonly SummarySection[]; hasFileQuestion: boolean };

export function FormDocumentPage({ document, sections, hasFileQuestion }: Props) {
  const { definition, people, answers, submitted } = document;
  const attachments = document.attachments ?? [];
  return (
    <html lang="en-GB">
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document for Chromium to print, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <title>{formDocumentTitle(document)}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <p className="council">{document.councilName}</p>
        <h1>{definition.title}</h1>
        <p className="status">
          {submitted ? (
            <>
              Reference: <strong>{submitted.reference}</strong>. Sent to {document.councilName} on {formatDateTime(submitted.at)}.
            </>
          ) : (
            `Not sent yet: a copy of the answers saved on ${formatDateTime(document.createdAt)}.`
          )}
        </p>
        <AnswersSummary people={people} answers={answers} sections={sections} />
        {/* A form without a documents section (or one hidden for these answers) still lists any file it carries. */}
        {attachments.length > 0 && !hasFileQuestion && (
          <section>
            <h2>Supporting documents</h2>
            <ul>
              {attachments.map((file, index) => (
                <li key={index}>{`${file.fileName} (${formatBytes(file.sizeBytes)})`}</li>
              ))}
            </ul>
          </section>
        )}
      </body>
    </html>
  );
}

const SMALL: CSSProperties = { fontFamily: "Arial, Helvetica, sans-serif", fontSize: "8pt", color: "#505a5f", width: "100%", padding: "0 16mm" };

export function FormDocumentHeader({ document }: { document: FormDocument }) {
  return (
    <div style={{ ...SMALL, display: "flex", justifyContent: "space-between" }}>
      <span>{document.councilName}</span>
      <span>{formDocumentTitle(document)}</span>
    </div>
  );
}

/** Chromium fills the pageNumber and totalPages spans. */
export function FormDocumentFooter() {
  return (
    <div style={{ ...SMALL, textAlign: "right" }}>
      Page <span className="pageNumber" /> of <span className="totalPages" />
    </div>
  );
}
