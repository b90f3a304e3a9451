import "server-only";
import { cookies } from "next/headers";
import { appSettings } from "@/lib/config/env";
import { isServedOverHttps } from "@/lib/security/https";
import { readToken, signToken, type TokenPurpose } from "@/lib/auth/signed-token";
import { now } from "@/lib/clock";

/**
 * Where a journey has got to between pages (a sign-in awaiting its code, a registration in
 * progress), carried in a signed, HttpOnly cookie that holds only an id.
 */
const COOKIE_FOR: Record<Exclude<TokenPurpose, "session-ticket">, string> = {
  "sign-in": "portal.sign-in",
  registration: "portal.registration",
  terms: "portal.terms",
  "reset-password": "portal.reset",
  // A form a visitor started before signing in: its people and "completing as" (forms/[formId]).
  "pending-form": "portal.pending-form",
};

export async function setJourney(purpose: keyof typeof COOKIE_FOR, subject: string, minutes: number): Promise<void> {
  const settings = appSettings();
  const expires = new Date(now().getTime() + minutes * 60_000);
  (await cookies()).set(COOKIE_FOR[purpose], signToken(settings.AUTH_SECRET, purpose, subject, expires), {
    httpOnly: true,
    sameSite: "lax",
    secure: isServedOverHttps(settings.APP_URL),
    path: "/",
    maxAge: minutes * 60,
  });
}

export async function readJourney(purpose: keyof typeof COOKIE_FOR): Promise<string | null> {
  const token = (await cookies()).get(COOKIE_FOR[purpose])?.value;
  return readToken(appSettings().AUTH_SECRET, purpose, token, now());
}

export async function clearJourney(purpose: keyof typeof COOKIE_FOR): Promise<void> {
  (await cookies()).delete(COOKIE_FOR[purpose]);
}

/** A one-minute ticket that lets next-auth set the session cookie for a started session. */
export function sessionTicket(sessionId: string): string {
  return signToken(appSettings().AUTH_SECRET, "session-ticket", sessionId, new Date(now().getTime() + 60_000));
}
