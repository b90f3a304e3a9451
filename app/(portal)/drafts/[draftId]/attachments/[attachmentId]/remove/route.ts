import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { removeAttachment } from "@/lib/attachments";
import { formFields } from "@/lib/posted-fields";
import { getStorage } from "@/lib/storage";
import { NextResponse } from "next/server";
import { fileTarget, redirectTo } from "../../../../_engine/file-routes";
import { setUploadNotice } from "../../../../_engine/upload-notice";
import { removeAttachmentSchema } from "./schemas";

/** "Remove": deletes one of the user's own files from their draft (object, then row). */
export async function POST(request: NextRequest, { params }: { params: Promise<{ draftId: string; attachmentId: string }> }) {
  const { draftId, attachmentId } = await params;
  const posted = removeAttachmentSchema.safeParse(formFields(await request.formData()));
  const target = await fileTarget(request, draftId, posted.success ? posted.data.sectionId : undefined);
  if (target instanceof NextResponse) return target;
  try {
    const removed = await removeAttachment({ db: getDb(), storage: getStorage() }, target.user, { draftId, attachmentId });
    return setUploadNotice(redirectTo(target.back), removed ? { kind: "success", text: "The file has been removed" } : { kind: "error", text: "That file has already been removed" });
  } catch {
    return setUploadNotice(redirectTo(target.back), { kind: "error", text: "The file could not be removed. Try again later." });
  }
}
