export { attachToDraft, DraftUpload, type DraftRoom, type DraftUploadInput } from "./draft-upload";
export {
  DEFAULT_MAX_FILES,
  deleteDraftAttachments,
  deleteStrayAttachments,
  deleteUnclaimedObjects,
  findAttachmentForDownload,
  freezeAttachments,
  listAttachments,
  removeAttachment,
  uploadLimitsFor,
  type Attachment,
  type AttachResult,
  type DeletedAttachments,
  type StoredAttachment,
  type UploadLimits,
} from "./attachments";
export { copySentFiles, copySubmissionFilesToDraft, discardCopies, keepCopiesOnDraft, type SentFileCopy } from "./sent-copies";
export { ATTACHMENT_KINDS, ContentInspector, type AttachmentKind, type Detected, type Refusal } from "./content";
export { attachmentDownloadHeaders } from "./download";
export { attachmentDisposition, MAX_FILE_NAME_LENGTH, nameWithExtension, safeFileName } from "./file-name";
export { ACCEPTED_TYPES, MEGABYTE, refusalMessage, requestTooBigMessage, STORAGE_DOWN_MESSAGE, tooManyFilesMessage } from "./messages";
export { ATTACHMENT_KEY_PREFIX, streamUpload, type AttachmentStorage, type StreamUploadInput, type StreamUploadResult } from "./stream-upload";
export { DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipDirectoryResult, type ZipLimits } from "./zip-directory";
