import type { Metadata } from "next";
import Link from "next/link";
import { DocumentDownload } from "@/app/_send/document-download";
import { sendDeps } from "@/app/_send/send-deps";
import { Button } from "@/components/button";
import { DateInput } from "@/components/date-input";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { Field } from "@/components/field";
import { NotificationBanner } from "@/components/notification-banner";
import { Table } from "@/components/table";
import { TextInput } from "@/components/text-input";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import {
  listDocumentsForStaff,
  MAX_DOCUMENT_DESCRIPTION,
  staffDocumentPath,
  staffDocumentsPath,
  type StaffDocument,
} from "@/lib/send/documents";
import { withdrawDocumentAction } from "./actions";
import { readDocumentNotice } from "./notice";
import { CaseSection } from "../_sections/case-section";
import { readForStaff } from "../read-for-staff";

export const metadata: Metadata = { title: "SEND case documents" };

const DONE: Record<string, string> = {
  published: "The document has been published. The family has been emailed to tell them a new document is ready to view.",
  withdrawn: "The document has been withdrawn. The family can no longer see it or download it.",
  "already-withdrawn": "That document had already been withdrawn.",
};

/** Where each error summary link goes. */
const FIELD_IDS: Record<string, string> = { documentDate: "document-date-day", description: "description", file: "document" };
const FIELD_ORDER = ["documentDate", "description", "file"];

const ACCEPT = [
  ".pdf",
  ".doc",
  ".docx",
  ".jpg",
  ".jpeg",
  ".png",
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "image/jpeg",
  "image/png",
].join(",");

function downloadedText(document: StaffDocument): string {
  const { count, first, last } = document.downloads;
  if (!first || !last) return "Not yet";
  const firstText = `Yes, ${formatDateTime(first.at, "short")} by ${first.by}`;
  if (count === 1) return firstText;
  return `${firstText}. Last ${formatDateTime(last.at, "short")} by ${last.by} (${count} downloads)`;
}

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ done?: string }> };

/**
 * A SEND case's Documents to View, for its caseworkers: publish a document to the family (a
 * multipart form posted to ./upload, which streams the file, so it works without JavaScript),
 * and see what was published, whether the family has downloaded it, and withdraw it.
 */
export default async function SendCaseDocumentsPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const result = await readForStaff(staffDocumentsPath(caseId), (deps, staff) => listDocumentsForStaff(deps, staff, caseId));
  const doneKey = (await searchParams).done ?? "";
  const done = DONE[doneKey];
  const notice = await readDocumentNotice(caseId);
  const errors = notice?.errors ?? {};
  const values = notice?.values;
  const summary: ErrorSummaryItem[] = FIELD_ORDER.filter((field) => errors[field]).map((field) => ({ fieldId: FIELD_IDS[field]!, text: errors[field]! }));
  const maxMegabytes = sendDeps().council.maxUploadMegabytes;

  return (
    <div>
      <ErrorSummary errors={summary} />
      {done && <NotificationBanner type={doneKey === "already-withdrawn" ? "info" : "success"} heading={done} />}
      <p className="mb-4">
        <Link href={`/staff/send/${result.caseId}`}>Back to the case</Link>
      </p>
      <h1 className="heading-l mb-8 break-words">
        Documents – {result.childName} ({result.caseNumber})
      </h1>

      <CaseSection id="publish" title="Publish a document" isNarrow>
        <p className="mb-6">The family sees it in Documents to View and can download it. Everyone with active portal access is emailed that a new document is ready to view; the email does not say what it is.</p>
        {/* The date and description come before the file, so the upload route reads them first. */}
        <form action={`${staffDocumentsPath(result.caseId)}/upload`} method="post" encType="multipart/form-data" noValidate>
          <DateInput
            namePrefix="documentDate"
            idPrefix="document-date"
            legend="Document date"
            hint="The date on the letter or plan. For example, 23 1 2023"
            error={errors.documentDate}
            defaultValue={{ day: values?.["documentDate-day"], month: values?.["documentDate-month"], year: values?.["documentDate-year"] }}
          />
          <TextInput
            id="description"
            name="description"
            label="Description"
            hint={`What the family will see and select to download, for example EHC Plan. Up to ${MAX_DOCUMENT_DESCRIPTION} characters.`}
            error={errors.description}
            defaultValue={values?.description}
            spellCheck
          />
          <Field id="document" label="Document" hint={<>PDF, Word document or image (JPG or PNG), smaller than {maxMegabytes} MB.</>} error={errors.file}>
            {({ hasError, aria }) => (
              <input
                id="document"
                name="document"
                type="file"
                accept={ACCEPT}
                {...aria}
                className={`block w-full max-w-full p-1 focus:outline-3 focus:outline-focus ${hasError ? "border-2 border-error" : "border-2 border-transparent"}`}
              />
            )}
          </Field>
          <Button type="submit">Publish document</Button>
        </form>
      </CaseSection>

      <CaseSection id="documents" title="Published documents">
        {result.documents.length === 0 ? (
          <p>No documents have been published to the family yet.</p>
        ) : (
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
          <div role="region" aria-label="Published documents table" tabIndex={0} className="overflow-x-auto">
            <Table
              caption="Documents published to the family, newest first"
              captionSize="s"
              head={[{ text: "Published" }, { text: "Document date" }, { text: "Description" }, { text: "File" }, { text: "Downloaded by the family" }, { text: "Withdrawn" }]}
              rows={result.documents.map((document) => [
                <span key="published">
                  {formatDateTime(document.publishedAt, "short")}
                  <span className="block text-secondary-ink">by {document.publishedBy}</span>
                </span>,
                formatDate(document.documentDate, "short"),
                <span key="description" className="break-words">
                  {document.description}
                </span>,
                <span key="file">
                  <DocumentDownload href={staffDocumentPath(result.caseId, document.id)} document={document} linkClassName="break-all">
                    {document.fileName}
                  </DocumentDownload>
                </span>,
                downloadedText(document),
                document.withdrawnAt ? (
                  `Yes, ${formatDateTime(document.withdrawnAt, "short")} by ${document.withdrawnBy ?? "Unknown"}`
                ) : (
                  <form key="withdraw" action={withdrawDocumentAction}>
                    <input type="hidden" name="caseId" value={result.caseId} />
                    <input type="hidden" name="documentId" value={document.id} />
                    <span className="block">No</span>
                    <Button type="submit" variant="warning">
                      Withdraw<span className="sr-only"> {document.description}</span>
                    </Button>
                  </form>
                ),
              ])}
            />
          </div>
        )}
      </CaseSection>
    </div>
  );
}
