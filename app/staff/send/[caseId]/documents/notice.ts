import "server-only";
import { cookies } from "next/headers";
import type { NextResponse } from "next/server";
import { appSettings } from "@/lib/config/env";
import { isServedOverHttps } from "@/lib/security/https";

/**
 * What a refused "Publish document" said, and what was typed, carried back to the documents
 * page in a short-lived HttpOnly cookie (as the drafts' upload notice is) rather than in the
 * address, so no link from elsewhere can put words on the page. It names its case, so it is
 * never shown on another one. A file input cannot be refilled: the caseworker chooses it again.
 */
const COOKIE = "portal.send-document-notice";
const PATH = "/staff/send";

export type DocumentFormValues = { description: string; "documentDate-day": string; "documentDate-month": string; "documentDate-year": string };
export type DocumentNotice = { caseId: string; errors: Record<string, string>; values: DocumentFormValues };

const FIELDS = ["documentDate", "description", "file"] as const;
const VALUE_KEYS = ["description", "documentDate-day", "documentDate-month", "documentDate-year"] as const;

const cookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, secure: isServedOverHttps(appSettings().APP_URL), path: PATH });

export function setDocumentNotice(response: NextResponse, notice: DocumentNotice): NextResponse {
  const values = Object.fromEntries(VALUE_KEYS.map((key) => [key, notice.values[key].slice(0, key === "description" ? 600 : 10)]));
  response.cookies.set(COOKIE, JSON.stringify({ caseId: notice.caseId, errors: notice.errors, values }), { ...cookieOptions(), maxAge: 30 });
  return response;
}

export function clearDocumentNotice(response: NextResponse): NextResponse {
  response.cookies.set(COOKIE, "", { ...cookieOptions(), maxAge: 0 });
  return response;
}

/** From a server action: whatever the last refused post said no longer applies. */
export async function forgetDocumentNotice(): Promise<void> {
  const jar = await cookies();
  if (jar.has(COOKIE)) jar.set(COOKIE, "", { ...cookieOptions(), maxAge: 0 });
}

/** The notice for this case, if the last post on it was refused; null otherwise. */
export async function readDocumentNotice(caseId: string): Promise<DocumentNotice | null> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<DocumentNotice>;
    if (parsed.caseId !== caseId || typeof parsed.errors !== "object" || parsed.errors === null) return null;
    const errors: Record<string, string> = {};
    for (const field of FIELDS) {
      const text = (parsed.errors as Record<string, unknown>)[field];
      if (typeof text === "string" && text) errors[field] = text.slice(0, 500);
    }
    const rawValues = (parsed.values ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(VALUE_KEYS.map((key) => [key, typeof rawValues[key] === "string" ? rawValues[key] : ""])) as DocumentFormValues;
    return Object.keys(errors).length > 0 ? { caseId, errors, values } : null;
  } catch {
    return null;
  }
}
