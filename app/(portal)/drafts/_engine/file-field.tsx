/**
 * Supporting documents on a section page (GOV.UK file upload): the files attached so far with
 * their sizes and Remove, then a file input and "Upload file". The upload and each Remove are
 * their own forms (forms cannot nest), posted to route handlers that stream the file to
 * storage; their fields sit here, tied to those forms by the `form` attribute, so it all works
 * without JavaScript. With JavaScript, an upload refused without a page coming back says why
 * here too (upload-failure.ts).
 */
import { useContext } from "react";
import { Button } from "@/components/button";
import { ErrorMessage } from "@/components/error-message";
import { formatBytes } from "@/lib/format/bytes";
import type { QuestionOfType } from "@/lib/forms/question-types";
import { UploadFailureContext } from "./upload-failure";
import { UploadProgress } from "./upload-progress";

export type AttachedFileView = { id: string; fileName: string; sizeBytes: number };

export const UPLOAD_FORM_ID = "upload-form";
export const removeFormId = (attachmentId: string) => `remove-${attachmentId}`;

type Props = {
  question: QuestionOfType<"file">;
  files: readonly AttachedFileView[];
  error?: string;
  maxFileMegabytes: number;
};

export function FileField({ question, files, error: noticeError, maxFileMegabytes }: Props) {
  const inputId = question.id;
  // The last upload's refusal said on this page, else the one the server's notice carried.
  const error = useContext(UploadFailureContext).message ?? noticeError;
  return (
    <div className={`mb-8 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <h2 className="heading-m mb-3">{question.label}</h2>
      {files.length === 0 ? (
        <p className="mb-6">No documents attached yet.</p>
      ) : (
        <ul className="mb-6 border-t border-border" aria-label="Attached documents">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center justify-between gap-x-4 border-b border-border py-3">
              <span>
                <a href={`/attachments/${file.id}`} download>
                  {file.fileName}
                </a>{" "}
                <span className="text-secondary-ink">({formatBytes(file.sizeBytes)})</span>
              </span>
              <button type="submit" form={removeFormId(file.id)} className="link-button">
                Remove<span className="sr-only"> {file.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId} className="mb-1 block font-bold">
        Upload a file
      </label>
      <p id={`${inputId}-hint`} className="mb-3 text-secondary-ink">
        {question.hint ?? "PDF, Word document, JPG, PNG or TXT"}. Each file must be smaller than {maxFileMegabytes} MB.
      </p>
      {error && <ErrorMessage id={`${inputId}-error`}>{error}</ErrorMessage>}
      <UploadProgress formId={UPLOAD_FORM_ID} />
      <input
        id={inputId}
        name="file"
        type="file"
        multiple
        form={UPLOAD_FORM_ID}
        aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ""}`}
        className="mb-4 block w-full max-w-full border-2 border-transparent p-1 focus:outline-3 focus:outline-focus"
        accept=".pdf,.doc,.docx,.jpg,.jpeg,.png,.txt,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/jpeg,image/png,text/plain"
      />
      <Button type="submit" variant="secondary" form={UPLOAD_FORM_ID}>
        Upload file
      </Button>
    </div>
  );
}

/** The forms the fields above post with, drawn after the section's own form. */
export function FileForms({ draftId, sectionId, files }: { draftId: string; sectionId: string; files: readonly AttachedFileView[] }) {
  return (
    <>
      <form id={UPLOAD_FORM_ID} action={`/drafts/${draftId}/attachments`} method="post" encType="multipart/form-data" hidden>
        <input type="hidden" name="sectionId" value={sectionId} />
      </form>
      {files.map((file) => (
        <form key={file.id} id={removeFormId(file.id)} action={`/drafts/${draftId}/attachments/${file.id}/remove`} method="post" hidden>
          <input type="hidden" name="sectionId" value={sectionId} />
        </form>
      ))}
    </>
  );
}
