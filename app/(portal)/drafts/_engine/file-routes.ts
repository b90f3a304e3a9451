import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { appSettings } from "@/lib/config/env";
import { escapeHtml } from "@/lib/pdf/escape-html";
import { findDraftForOwner } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import { isConditionMet } from "@/lib/forms/conditions";
import { now } from "@/lib/clock";
import type { SessionUser } from "@/lib/auth/sessions";
import { draftPaths } from "./paths";
import { isSameOriginWrite } from "@/lib/security/same-origin";
import { isUuid } from "@/lib/security/uuid";

/**
 * What the upload and Remove route handlers share. They are public endpoints, so each checks
 * itself: a same-origin post (cookies are SameSite=Lax too), a signed-in user, their own live
 * draft, and that the draft's Supporting Documentation applies (its section's condition).
 */
export const redirectTo = (path: string) => NextResponse.redirect(new URL(path, appSettings().APP_URL), 303);

/** The one cross-site check (lib/security/same-origin.ts), which the request gate has made before any handler runs. */
export const isSameOrigin = (request: NextRequest): boolean => isSameOriginWrite(request.headers, appSettings().APP_URL);

export type FileTarget = {
  user: SessionUser;
  draftId: string;
  back: string;
  /** The section page to go back to: `sectionId`'s when it is one of the form's, else `back`. */
  backTo: (sectionId: unknown) => string;
};

/** The acting user and their draft whose files may change, or the response that refuses. */
export async function fileTarget(request: NextRequest, draftId: string, sectionId: unknown): Promise<FileTarget | NextResponse> {
  if (!isSameOrigin(request)) return new NextResponse("Forbidden", { status: 403 });
  const user = await currentUser();
  if (!user) return redirectTo(`/account/sign-in?returnTo=${encodeURIComponent(draftPaths(draftId).resume)}`);
  const draft = isUuid(draftId) ? await findDraftForOwner(getDb(), user.userId, draftId, now()) : null;
  const definition = draft ? formById(draft.formId) : undefined;
  if (!draft || !definition) return new NextResponse("Not found", { status: 404 });
  const fileSection = definition.sections.find((section) => section.questions.some((question) => question.type === "file"));
  // Files only where the section applies (the referral forms show it to professionals only): the
  // same condition that hides the section refuses the upload.
  if (!fileSection || !isConditionMet(fileSection.showIf, draft.answers)) return new NextResponse("Not found", { status: 404 });
  const backTo = (chosen: unknown) =>
    draftPaths(draftId).section(typeof chosen === "string" && definition.sections.some((section) => section.id === chosen) ? chosen : fileSection.id);
  return { user, draftId, back: backTo(sectionId), backTo };
}

/**
 * A plain page for an upload refused before its body was read (413): the reason and a link back
 * to the form. The section page shows the same words (they are in the upload notice too), which
 * is what a person using JavaScript sees.
 */
export function refusedUploadPage(status: number, message: string, back: string): NextResponse {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your files could not be uploaded - Children's Portal</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#0b0c0c;line-height:1.5}header{background:#0b0c0c;color:#fff;padding:12px 16px;font-weight:700}main{max-width:40rem;padding:16px}h1{font-size:2rem;margin:16px 0}a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}</style>
</head><body><header>Children's Portal</header><main id="main-content"><h1>Your files could not be uploaded</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">Go back to the form</a></p></main></body></html>`;
  return new NextResponse(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
