/**
 * An upload the server refused without sending the page back (JavaScript's background upload):
 * what to say, and where it is kept until the next upload. The route's ordinary answers are
 * redirects to the section with their message in the upload notice (upload-notice.ts), which the
 * page shows after a refresh; the refusals here carry no notice, so the page says them itself,
 * beside the file field and in the error summary, in the words of lib/attachments/messages.ts.
 */
import { createContext } from "react";

export type UploadFailure = {
  /** What the last upload's refusal said, or null. */
  message: string | null;
  report: (message: string | null) => void;
};

export const UploadFailureContext = createContext<UploadFailure>({ message: null, report: () => undefined });

/**
 * The message for an upload answered with `status` (0: no answer, the connection failed) without
 * a redirect, or null when the answer's own notice says it (413: the route refuses a request too
 * big for the form before reading it, and puts its message in the notice) and a refresh shows it.
 */
export function uploadFailureMessage(status: number, fileNames: readonly string[]): string | null {
  const subject = fileNames.length === 1 ? fileNames[0] : fileNames.length === 0 ? "The selected file" : "The selected files";
  switch (status) {
    case 0:
      return `${subject} could not be uploaded. Check your connection and try again`;
    case 400:
      return `${subject} could not be uploaded. Try again`;
    case 403:
      return `${subject} could not be uploaded. Reload the page and try again`;
    case 404:
      return `${subject} could not be uploaded because this form is no longer available. It may have been sent or cancelled in another tab or window`;
    case 413:
      return null;
    default:
      return `${subject} could not be uploaded. Try again later`;
  }
}
