import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { appSettings } from "@/lib/config/env";
import { findDraftForOwner } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import { isConditionMet } from "@/lib/forms/conditions";
import { now } from "@/lib/clock";
import type { SessionUser } from "@/lib/auth/sessions";
import { draftPaths } from "./paths";
import { UUID } from "./load-draft-for-action";

/**
 * What the upload and Remove route handlers share. They are public endpoints, so each checks
 * itself: a same-origin post (cookies are SameSite=Lax too), a signed-in user, their own live
 * draft, and that the draft's Supporting Documentation applies (its section's condition).
 */
export const redirectTo = (path: string) => NextResponse.redirect(new URL(path, appSettings().APP_URL), 303);

export function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  return origin === null || origin === new URL(appSettings().APP_URL).origin;
}

export type FileTarget = { user: SessionUser; draftId: string; back: string };

/** The acting user and their draft whose files may change, or the response that refuses. */
export async function fileTarget(request: NextRequest, draftId: string, sectionId: unknown): Promise<FileTarget | NextResponse> {
  if (!isSameOrigin(request)) return new NextResponse("Forbidden", { status: 403 });
  const user = await currentUser();
  if (!user) return redirectTo(`/account/sign-in?returnTo=${encodeURIComponent(draftPaths(draftId).resume)}`);
  const draft = UUID.test(draftId) ? await findDraftForOwner(getDb(), user.userId, draftId, now()) : null;
  const definition = draft ? formById(draft.formId) : undefined;
  if (!draft || !definition) return new NextResponse("Not found", { status: 404 });
  const fileSection = definition.sections.find((section) => section.questions.some((question) => question.type === "file"));
  // Files only where the section applies (the referral forms show it to professionals only): the
  // same condition that hides the section refuses the upload.
  if (!fileSection || !isConditionMet(fileSection.showIf, draft.answers)) return new NextResponse("Not found", { status: 404 });
  const back = typeof sectionId === "string" && definition.sections.some((section) => section.id === sectionId) ? sectionId : fileSection.id;
  return { user, draftId, back: draftPaths(draftId).section(back) };
}
