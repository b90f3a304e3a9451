/**
 * The /api/v1 addresses a document names: its form version's JSON Schema (served now) and each
 * file's download (the pull API, issue 17 point 3). Built in one place so the document, the
 * schema's `$id` and the routes cannot drift apart.
 */

const base = (appUrl: string) => appUrl.replace(/\/+$/, "");

export function schemaUrl(appUrl: string, formId: string, version: number): string {
  return `${base(appUrl)}/api/v1/schemas/${encodeURIComponent(formId)}/${version}.json`;
}

export function fileDownloadUrl(appUrl: string, reference: string, attachmentId: string): string {
  return `${base(appUrl)}/api/v1/submissions/${encodeURIComponent(reference)}/files/${attachmentId}`;
}

/** A sent form's document in the pull API; its PDF and acknowledgement are under it. */
export function submissionUrl(appUrl: string, reference: string): string {
  return `${base(appUrl)}/api/v1/submissions/${encodeURIComponent(reference)}`;
}

export function submissionsListUrl(appUrl: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return `${base(appUrl)}/api/v1/submissions${search ? `?${search}` : ""}`;
}
