export { attachToDraft, DraftUpload, type DraftRoom, type DraftUploadRequest } from "./draft-upload";
export {
  DEFAULT_MAX_FILES,
  findAttachmentForDownload,
  listAttachments,
  uploadLimitsFor,
  type Attachment,
  type AttachResult,
  type StoredAttachment,
  type UploadLimits,
} from "./attachments";
export { deleteDraftAttachments, deleteStrayAttachments, deleteUnclaimedObjects, type DeletedAttachments } from "./clean-up";
export type { AttachmentDeps, FileOwner } from "./deps";
export { freezeAttachments } from "./freeze-attachments";
export { removeAttachment } from "./remove-attachment";
export { copySentFiles, copySubmissionFilesToDraft, discardCopies, keepCopiesOnDraft, type SentFileCopy } from "./sent-copies";
export { ATTACHMENT_KINDS, ContentInspector, type AttachmentKind, type Detected, type Refusal } from "./content";
export { attachmentDownloadHeaders } from "./download";
export { attachmentDisposition, MAX_FILE_NAME_LENGTH, nameWithExtension, safeFileName } from "./file-name";
export { ACCEPTED_TYPES, MEGABYTE, refusalMessage, requestTooBigMessage, STORAGE_DOWN_MESSAGE, tooManyFilesMessage } from "./messages";
export { ATTACHMENT_KEY_PREFIX, streamUpload, type AttachmentStorage, type StreamUploadInput, type StreamUploadResult } from "./stream-upload";
export { DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipDirectoryResult, type ZipLimits } from "./zip-directory";
