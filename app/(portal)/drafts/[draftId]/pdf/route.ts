import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { appSettings } from "@/lib/config/env";
import { formById } from "@/lib/forms/catalogue";
import { getDb } from "@/db/client";
import { findDraftForOwner } from "@/lib/drafts/drafts";
import { listAttachments } from "@/lib/attachments";
import { now } from "@/lib/clock";
import { notFoundResponse, pdfResponse } from "../../../_pdf/pdf-response";
import { isUuid } from "@/lib/security/uuid";

/** "Create PDF" (a download) or "Print" (?print=1: shown in the tab) of a saved form, for its owner only (anyone else gets 404). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const user = await currentUser();
  if (!user) return NextResponse.redirect(new URL(`/account/sign-in?returnTo=${encodeURIComponent(`/drafts/${draftId}/pdf`)}`, appSettings().APP_URL), 303);
  const draft = isUuid(draftId) ? await findDraftForOwner(getDb(), user.userId, draftId, now()) : null;
  const definition = draft ? formById(draft.formId) : undefined;
  if (!draft || !definition) return notFoundResponse();
  const attachments = await listAttachments(getDb(), { ownerId: user.userId, draftId });
  const isInline = request.nextUrl.searchParams.get("print") === "1";
  return pdfResponse(user.userId, { definition, people: draft.people, answers: draft.answers, attachments }, `${definition.id}-not-sent.pdf`, { draftId }, { isInline });
}
