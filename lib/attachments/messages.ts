/**
 * What the user reads when a file is refused, in the GOV.UK file upload pattern's words with
 * the file's name in place of "The selected file", so each message says which file it is about.
 */
import { formatBytes } from "@/lib/format/bytes";
import type { Refusal } from "./content";

export const MEGABYTE = 1024 * 1024;

export const ACCEPTED_TYPES = "a PDF, Word document, JPG, PNG or TXT";

export const STORAGE_DOWN_MESSAGE = "Your file could not be uploaded. Try again later. Your answers have been saved.";

const LOOKS_LIKE = {
  spreadsheet: () => "a spreadsheet",
  presentation: () => "a presentation",
  program: () => "a program",
  archive: (format?: string) => (format ? `a compressed (${format.toLowerCase()}) file` : "a compressed file"),
  image: (format?: string) => (format ? `a ${format} image` : "an image in a format we cannot take"),
  video: () => "a video",
  audio: () => "a sound recording",
  markup: () => "a web page, image or script written as text",
} as const;

export function refusalMessage(fileName: string, refusal: Refusal): string {
  switch (refusal.reason) {
    case "empty":
      return `${fileName} is empty`;
    case "not-accepted":
      return refusal.looksLike
        ? `${fileName} is ${LOOKS_LIKE[refusal.looksLike](refusal.format)}. The selected file must be ${ACCEPTED_TYPES}`
        : `${fileName} must be ${ACCEPTED_TYPES}`;
    case "password-protected":
      return `${fileName} is password protected. Remove the password and try again`;
    case "macros":
      return `${fileName} contains macros. Save it as a Word document without macros (.docx) or as a PDF and try again`;
    case "word-damaged":
      return `${fileName} is damaged or is not a real Word document. The selected file must be ${ACCEPTED_TYPES}`;
    case "word-too-many-parts":
      return `${fileName} has more than ${refusal.limit.toLocaleString("en-GB")} parts inside it, so it cannot be checked. Save it as a PDF and try again`;
    case "word-unpacks-too-large":
      return `${fileName} unpacks to more than ${formatBytes(refusal.limitBytes)}, so it cannot be checked. Save it as a PDF and try again`;
  }
}

export function fileTooBigMessage(fileName: string, maxFileBytes: number): string {
  return `${fileName} must be smaller than ${formatBytes(maxFileBytes)}`;
}

export function draftFullMessage(fileName: string, maxDraftBytes: number, remainingBytes: number): string {
  const total = `The files on one form must add up to less than ${formatBytes(maxDraftBytes)}`;
  return remainingBytes < 1024
    ? `${fileName} cannot be added. ${total}: remove a file to make room`
    : `${fileName} is too big to add. ${total}, and there is ${formatBytes(remainingBytes)} left`;
}

export function interruptedMessage(fileName: string): string {
  return `${fileName} could not be uploaded. Try again`;
}

export function formFilesFullMessage(fileName: string, maxFiles: number): string {
  return `${fileName} cannot be added. A form can have up to ${maxFiles} files: remove a file to make room`;
}

/** A request with more files than the form can still take is refused whole, before any is attached. */
export function tooManyFilesMessage(room: number, maxFiles: number): string {
  if (room <= 0) return `This form already has ${maxFiles} files, the most it can have. Remove a file to add another`;
  return `Too many files selected: only ${room} more can be added to this form (up to ${maxFiles} in all). Select ${room === 1 ? "1 file" : `${room} files or fewer`} and upload them again`;
}

/** A request whose declared size is more than the form can still take, refused before it is read. */
export function requestTooBigMessage(maxDraftBytes: number, remainingBytes: number): string {
  const total = `The files on one form must add up to less than ${formatBytes(maxDraftBytes)}`;
  return remainingBytes < 1024 ? `The selected files cannot be added. ${total}: remove a file to make room` : `The selected files are too big to add. ${total}, and there is ${formatBytes(remainingBytes)} left`;
}
