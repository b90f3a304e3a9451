import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { resumeSession, type SessionUser } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { auth, idleMinutes } from "./auth";
import { safeReturnTo } from "./return-to";

/**
 * The signed-in user for this request, or null. Checked against the session row every time,
 * so an ended or idle session is signed out even though its cookie is still valid.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return resumeSession(getDb(), session.sessionId, idleMinutes(), now());
});

/** The user, or a redirect to sign in that comes back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/account/sign-in?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`);
  return user;
}

/** For /staff: caseworkers and admins only; anyone else is told the page is for council staff. */
export async function requireStaff(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "caseworker" && user.role !== "admin") redirect("/account/not-allowed");
  return user;
}
