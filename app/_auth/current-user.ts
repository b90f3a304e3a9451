import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { sessionLimitsFor, type SessionUser } from "@/lib/auth/sessions";
import { resumeSessionFromCookie } from "@/lib/auth/session-cookie";
import { councilSettings } from "@/lib/config/council";
import { now } from "@/lib/clock";
import { isStaff } from "@/lib/auth/roles";
import { isCouncilAdmin } from "@/lib/staff/memberships";
import { requestSessionCookie } from "./session-cookie";
import { safeReturnTo } from "./return-to";

/** Where a user whose password was chosen by someone else must go before anything else. */
export const CHANGE_PASSWORD_PATH = "/account/change-password";

/**
 * The user of this request's live session, or null. Checked against the session row every
 * time, so an ended, idle or too old session is signed out even though its cookie is still
 * valid. This includes a user who must change their password first: only the header, Logout,
 * "Stay signed in" and requireUser (which sends them to change it) use this. The cookie is read
 * without next-auth's session action: lib/auth/session-cookie.ts says how, and why that is safe.
 */
export const sessionUser = cache(async (): Promise<SessionUser | null> => {
  const { reader, cookie } = await requestSessionCookie();
  return resumeSessionFromCookie(getDb(), reader, cookie, sessionLimitsFor(councilSettings()), now());
});

/**
 * The signed-in user for this request, or null. A user who must change their password
 * (staff:create) counts as not signed in here, so no page, download or PDF shows them anything
 * until they have chosen their own.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const user = await sessionUser();
  return user && !user.mustChangePassword ? user : null;
});

/**
 * The user, or a redirect to sign in that comes back to `returnTo` afterwards. A user who must
 * change their password (staff:create) is sent to do that first, from every page but that one.
 */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await sessionUser();
  if (!user) redirect(`/account/sign-in?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`);
  if (user.mustChangePassword && returnTo.split(/[?#]/)[0] !== CHANGE_PASSWORD_PATH) redirect(CHANGE_PASSWORD_PATH);
  return user;
}

/**
 * For /staff: staff accounts only; anyone else is told the page is for council staff. What a staff
 * member then sees is their teams' work: every staff query is scoped by team (lib/staff/scope.ts).
 */
export async function requireStaff(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!isStaff(user)) redirect("/account/not-allowed");
  return user;
}

/**
 * For /staff/admin: council admins only. Anyone else on the staff side gets the same 404 as a
 * page that does not exist; the check reads staff_memberships on every request, so taking the
 * admin role away holds from the next one.
 */
export async function requireCouncilAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireStaff(returnTo);
  if (!(await isCouncilAdmin(getDb(), user))) notFound();
  return user;
}
