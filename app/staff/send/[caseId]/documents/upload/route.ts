import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { isSameOrigin, redirectTo, refusedUploadPage } from "@/app/(portal)/drafts/_engine/file-routes";
import { MEGABYTE } from "@/lib/attachments";
import { formatBytes } from "@/lib/format/bytes";
import { BodyTooLargeError, byteLimit, declaredLength, MULTIPART_ALLOWANCE } from "@/lib/attachments/request-body";
import { councilSettings } from "@/lib/config/council";
import { clientAddress } from "@/app/_security/client-address";
import { sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { isStaff, type StaffUser } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { parseDayMonthYear } from "@/lib/send/dates";
import { publishDocument, staffDocumentsPath, type PublishInput, type PublishResult } from "@/lib/send/documents";
import { getStorage } from "@/lib/storage";
import { clearDocumentNotice, setDocumentNotice, type DocumentFormValues } from "../notice";

/**
 * "Publish document": a multipart post from the documents page (no JavaScript needed; a server
 * action would cap the body at 1 MB). It is a public endpoint, so it checks everything itself:
 * a same-origin post, a signed-in caseworker or admin, a case id. The date and description come
 * first in the form; the file after them is streamed through to storage as it arrives (never held
 * whole), checked by its content and size and scanned for malware on the way. A body declaring
 * more than one file of the largest size is refused (413) before it is read; one that grows past
 * that is cut off (the request destroyed). Then back to the page (303): with a banner when
 * published, or with the messages and what was typed when not.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  if (!isSameOrigin(request)) return new NextResponse("Forbidden", { status: 403 });
  const user = await currentUser();
  if (!user) return redirectTo(`/account/sign-in?returnTo=${encodeURIComponent(isUuid(caseId) ? staffDocumentsPath(caseId) : "/staff/send")}`);
  if (!isStaff(user)) return new NextResponse("Forbidden", { status: 403 });
  if (!isUuid(caseId)) return new NextResponse("Not found", { status: 404 });
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) return new NextResponse("Expected a file", { status: 400 });

  const fields: Record<string, string> = {};
  const values = (): DocumentFormValues => ({
    description: fields.description ?? "",
    "documentDate-day": fields["documentDate-day"] ?? "",
    "documentDate-month": fields["documentDate-month"] ?? "",
    "documentDate-year": fields["documentDate-year"] ?? "",
  });
  const maxFileBytes = councilSettings().maxUploadMegabytes * MEGABYTE;
  const bodyLimit = maxFileBytes + MULTIPART_ALLOWANCE;
  const declared = declaredLength(request.headers);
  const tooLarge = () => {
    logEvent("send.document-upload-too-large", { caseId, userId: user.userId });
    const text = `The document must be smaller than ${formatBytes(maxFileBytes)}`;
    return setDocumentNotice(refusedUploadPage(413, text, staffDocumentsPath(caseId)), { caseId, errors: { file: text }, values: values() });
  };

  const staff: StaffUser = { userId: user.userId, role: user.role, ip: await clientAddress() };
  const deps = { ...sendDeps(), storage: getStorage() };
  if (declared !== null && declared > bodyLimit) return tooLarge();
  const input = (file: PublishInput["file"]): PublishInput => {
    const { "documentDate-day": day, "documentDate-month": month, "documentDate-year": year, description } = values();
    const entered = [day, month, year].some((part) => part.trim() !== "");
    return { caseId, description, documentDate: parseDayMonthYear(day, month, year) ?? (entered ? "not-a-date" : ""), file };
  };

  let result: PublishResult | undefined;
  let work: Promise<void> = Promise.resolve();
  // Names as the browser sent them, in UTF-8 (busboy's default reads them as Latin-1).
  const parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: 1, fields: 10, fieldSize: 4096 } });
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "document") {
      stream.resume();
      return;
    }
    work = work.then(async () => {
      result = await publishDocument(deps, staff, input(info.filename ? { name: info.filename, stream } : null));
      // Refused before (or part-way through) the file: the rest is read and dropped.
      stream.resume();
    });
  });
  try {
    // Joined with pipeline: a caseworker's browser going away, or a body past the limit (the
    // request is then destroyed), ends the upload at once and publishDocument keeps nothing.
    await pipeline(Readable.fromWeb(request.body as NodeWebStream<Uint8Array>), byteLimit(bodyLimit), parser);
    await work;
  } catch (error) {
    await work.catch(() => undefined);
    if (error instanceof BodyTooLargeError) return tooLarge();
    logEvent("send.document-upload-broken", { caseId, userId: staff.userId });
    return new NextResponse("The upload was interrupted", { status: 400 });
  }
  result ??= await publishDocument(deps, staff, input(null));

  const back = staffDocumentsPath(caseId);
  switch (result.status) {
    case "forbidden":
      return new NextResponse("Forbidden", { status: 403 });
    case "not-found":
      return new NextResponse("Not found", { status: 404 });
    case "invalid":
      return setDocumentNotice(redirectTo(back), { caseId, errors: result.errors, values: values() });
    case "done":
      logEvent("send.action", { caseId, action: "document-published", userId: staff.userId, documentId: result.documentId });
      return clearDocumentNotice(redirectTo(`${back}?done=published`));
  }
}
