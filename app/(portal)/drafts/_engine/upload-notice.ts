import "server-only";
import { cookies } from "next/headers";
import type { NextResponse } from "next/server";
import { appSettings } from "@/lib/config/env";
import { isServedOverHttps } from "@/lib/security/https";

/**
 * What the last upload or Remove said ("report.pdf has been uploaded", or why it was refused),
 * carried to the section page in a short-lived HttpOnly cookie rather than the address, so no
 * link from elsewhere can put words on our page.
 */
const COOKIE = "portal.upload-notice";

export type UploadNotice = { kind: "success" | "error"; text: string };

export function setUploadNotice(response: NextResponse, notice: UploadNotice): NextResponse {
  response.cookies.set(COOKIE, JSON.stringify(notice), {
    httpOnly: true,
    sameSite: "lax",
    secure: isServedOverHttps(appSettings().APP_URL),
    path: "/drafts",
    maxAge: 30,
  });
  return response;
}

export async function readUploadNotice(): Promise<UploadNotice | null> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return null;
  try {
    const notice = JSON.parse(raw) as UploadNotice;
    return (notice.kind === "success" || notice.kind === "error") && typeof notice.text === "string" ? { kind: notice.kind, text: notice.text.slice(0, 500) } : null;
  } catch {
    return null;
  }
}
