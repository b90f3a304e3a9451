import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { isSameOrigin, redirectTo } from "@/app/(portal)/drafts/_engine/file-routes";
import { callerIp, sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { isStaff, isUuid, type StaffUser } from "@/lib/referrals/staff";
import { parseDayMonthYear } from "@/lib/send/dates";
import { publishDocument, staffDocumentsPath, type PublishInput, type PublishResult } from "@/lib/send/documents";
import { getStorage } from "@/lib/storage";
import { clearDocumentNotice, setDocumentNotice, type DocumentFormValues } from "../notice";

/**
 * "Publish document": a multipart post from the documents page (no JavaScript needed; a server
 * action would cap the body at 1 MB). It is a public endpoint, so it checks everything itself:
 * a same-origin post, a signed-in caseworker or admin, a case id. The date and description come
 * first in the form; the file after them is streamed through to storage as it arrives (never held
 * whole), checked by its content and size on the way. Then back to the page (303): with a banner
 * when published, or with the messages and what was typed when not.
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

  const staff: StaffUser = { userId: user.userId, role: user.role, ip: await callerIp() };
  const deps = { ...sendDeps(), storage: getStorage() };
  const fields: Record<string, string> = {};
  const values = (): DocumentFormValues => ({
    description: fields.description ?? "",
    "documentDate-day": fields["documentDate-day"] ?? "",
    "documentDate-month": fields["documentDate-month"] ?? "",
    "documentDate-year": fields["documentDate-year"] ?? "",
  });
  const input = (file: PublishInput["file"]): PublishInput => {
    const { "documentDate-day": day, "documentDate-month": month, "documentDate-year": year, description } = values();
    const entered = [day, month, year].some((part) => part.trim() !== "");
    return { caseId, description, documentDate: parseDayMonthYear(day, month, year) ?? (entered ? "not-a-date" : ""), file };
  };

  let result: PublishResult | undefined;
  const work: Promise<void>[] = [];
  const parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fields: 10, fieldSize: 4096 } });
  const done = new Promise<void>((resolve, reject) => {
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      work.push(
        (async () => {
          if (name !== "document" || result) {
            stream.resume();
            return;
          }
          result = await publishDocument(deps, staff, input(info.filename ? { name: info.filename, stream } : null));
          // Refused before (or part-way through) the file: the rest is read and dropped.
          stream.resume();
        })(),
      );
    });
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  Readable.fromWeb(request.body as NodeWebStream<Uint8Array>).pipe(parser);
  try {
    await done;
    await Promise.all(work);
  } catch {
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
    case "published":
      logEvent("send.action", { caseId, action: "document-published", userId: staff.userId, documentId: result.documentId });
      return clearDocumentNotice(redirectTo(`${back}?done=published`));
  }
}
