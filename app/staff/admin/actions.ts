"use server";

import { redirect } from "next/navigation";
import { invalidFormState, serverAction, stateAction } from "@/app/_actions/server-action";
import { authDeps } from "@/app/_auth/auth-deps";
import { typedValues, type FormState } from "@/app/_forms/form-state";
import { appSettings } from "@/lib/config/env";
import { logEvent } from "@/lib/log";
import { inviteStaff, cancelStaffInvitation } from "@/lib/staff/invitations";
import { disableStaff, enableStaff, setStaffAccess } from "@/lib/staff/people";
import { ACCESS_MESSAGES, accessSchema, invitationIdSchema, inviteSchema, userIdSchema } from "./schemas";

/**
 * The council admin's actions. Each is `access: "admin"` (the wrapper: same origin, a council
 * admin, zod input) and lib/staff checks the admin role again in the change itself. Results go
 * back to the staff list or the person's page with a banner; nothing here names a password.
 */
const STAFF_LIST = "/staff/admin";
const personPath = (userId: string) => `/staff/admin/staff/${userId}`;

function notFound(): never {
  redirect(`${STAFF_LIST}?gone=1`);
}

export const inviteStaffAction = stateAction(
  { access: "admin", returnTo: "/staff/admin/invite", schema: inviteSchema, onInvalid: invalidFormState() },
  async (input, { user, fields }): Promise<FormState> => {
    const deps = await authDeps();
    const activationUrl = (token: string) => new URL(`/account/activate/${token}`, appSettings().APP_URL).toString();
    const result = await inviteStaff(deps, { userId: user.userId, name: `${user.forename} ${user.surname}` }, input, activationUrl);
    const values = typedValues(fields);
    if (result.status === "exists") return { errors: { email: "There is already an account with this email address. Find them in the staff list to change their teams" }, values };
    if (result.status === "no-role" || result.status === "unknown-team") return { errors: { teams: ACCESS_MESSAGES[result.status] }, values };
    if (result.status === "forbidden") notFound();
    logEvent("staff.invited", { invitationId: result.invitationId, userId: user.userId });
    // No address in the URL: the banner says an invitation went, the list below says to whom.
    redirect(`${STAFF_LIST}?invited=1`);
  },
);

export const cancelInvitationAction = serverAction(
  { access: "admin", returnTo: STAFF_LIST, schema: invitationIdSchema, onInvalid: notFound },
  async ({ invitationId }, { user }) => {
    const result = await cancelStaffInvitation(await authDeps(), user, invitationId);
    if (result === "not-found") notFound();
    redirect(`${STAFF_LIST}?cancelled=1`);
  },
);

export const setStaffAccessAction = stateAction(
  { access: "admin", returnTo: STAFF_LIST, schema: accessSchema, onInvalid: invalidFormState() },
  async ({ userId, memberships }, { user, fields }): Promise<FormState> => {
    const result = await setStaffAccess(await authDeps(), user, userId, memberships);
    if (result === "not-found") notFound();
    if (result !== "changed") {
      return { errors: { teams: ACCESS_MESSAGES[result] }, values: typedValues(fields) };
    }
    changed("staff.access-changed", userId, user.userId, "access");
  },
);

/** A change to one person made: logged by ids, then their page with the `done` banner. */
function changed(event: string, subjectId: string, actorId: string, done: string): never {
  logEvent(event, { subjectId, userId: actorId });
  redirect(`${personPath(subjectId)}?done=${done}`);
}

/** Disable and Enable post one person's id; one that is not there goes back to the list. */
const onPerson = { access: "admin", returnTo: STAFF_LIST, schema: userIdSchema, onInvalid: notFound } as const;

export const disableStaffAction = serverAction(onPerson, async ({ userId }, { user }) => {
  const result = await disableStaff(await authDeps(), user, userId);
  if (result === "not-found") notFound();
  if (result === "self") redirect(`${personPath(userId)}?refused=self`);
  changed("staff.disabled", userId, user.userId, "disabled");
});

export const enableStaffAction = serverAction(onPerson, async ({ userId }, { user }) => {
  if ((await enableStaff(await authDeps(), user, userId)) === "not-found") notFound();
  changed("staff.enabled", userId, user.userId, "enabled");
});
