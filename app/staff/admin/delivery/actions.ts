"use server";

import { redirect } from "next/navigation";
import { invalidFormState, serverAction, stateAction } from "@/app/_actions/server-action";
import { typedValues } from "@/app/_forms/form-state";
import { getDb } from "@/db/client";
import { now } from "@/lib/clock";
import { appSettings } from "@/lib/config/env";
import { removeTeamEndpoint, rotateTeamSecret, setTeamEndpoint } from "@/lib/delivery/webhooks/endpoints";
import { retryDeliveryNow } from "@/lib/delivery/webhooks/troubled-deliveries";
import { logEvent } from "@/lib/log";
import { endpointSchema, submissionIdSchema, teamIdSchema, type EndpointFormState } from "./schemas";

/**
 * A council admin's delivery settings. Each action is `access: "admin"` (the wrapper: same origin,
 * a council admin, zod input); lib/delivery/webhooks writes the change and its audit row together.
 * A secret made here is returned in the form's state, so it is on this one page and nowhere else.
 */
const DELIVERY = "/staff/admin/delivery";
const teamPath = (teamId: string) => `${DELIVERY}/${teamId}`;

function endpointDeps(ip: string | null) {
  const settings = appSettings();
  return { db: getDb(), authSecret: settings.AUTH_SECRET, allowLocal: settings.DELIVERY_ALLOW_LOCAL_ENDPOINTS === "1", now: now(), ip };
}

function gone(): never {
  redirect(`${DELIVERY}?gone=1`);
}

export const setEndpointAction = stateAction<typeof endpointSchema, "admin", EndpointFormState>(
  { access: "admin", returnTo: DELIVERY, schema: endpointSchema, onInvalid: invalidFormState() },
  async ({ teamId, url }, { user, ip, fields }): Promise<EndpointFormState> => {
    const result = await setTeamEndpoint(endpointDeps(ip), user, { teamId, url });
    if (result.status === "no-team") gone();
    if (result.status === "invalid-url") return { errors: { url: `The address ${result.problem}` }, values: typedValues(fields) };
    logEvent("delivery.endpoint-set", { team: teamId, userId: user.userId });
    if (result.newSecret) return { errors: {}, values: { url }, secret: result.newSecret };
    redirect(`${teamPath(teamId)}?done=saved`);
  },
);

export const rotateSecretAction = stateAction(
  { access: "admin", returnTo: DELIVERY, schema: teamIdSchema, onInvalid: gone },
  async ({ teamId }, { user, ip }): Promise<EndpointFormState> => {
    const result = await rotateTeamSecret(endpointDeps(ip), user, teamId);
    if (result.status === "no-endpoint") gone();
    logEvent("delivery.secret-rotated", { team: teamId, userId: user.userId });
    return { errors: {}, values: {}, secret: result.newSecret };
  },
);

export const removeEndpointAction = serverAction(
  { access: "admin", returnTo: DELIVERY, schema: teamIdSchema, onInvalid: gone },
  async ({ teamId }, { user, ip }) => {
    const result = await removeTeamEndpoint(endpointDeps(ip), user, teamId);
    if (result.status === "no-endpoint") gone();
    logEvent("delivery.endpoint-removed", { team: teamId, userId: user.userId });
    redirect(`${DELIVERY}?removed=1`);
  },
);

export const retryDeliveryAction = serverAction(
  { access: "admin", returnTo: DELIVERY, schema: submissionIdSchema, onInvalid: gone },
  async ({ submissionId }, { user, ip }) => {
    const result = await retryDeliveryNow({ db: getDb(), now: now(), ip }, user, submissionId);
    if (result.status === "not-found") gone();
    logEvent("delivery.retry-requested", { submissionId, userId: user.userId });
    redirect(`${DELIVERY}?retried=1`);
  },
);
