"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { invalidFormState, serverAction, stateAction } from "@/app/_actions/server-action";
import type { FormState } from "@/app/_forms/form-state";
import { getDb } from "@/db/client";
import { now } from "@/lib/clock";
import { createApiKey, revokeApiKey } from "@/lib/delivery/api/api-keys";
import { logEvent } from "@/lib/log";
import { createKeySchema, revokeKeySchema } from "./schemas";

/**
 * A council admin's API keys (`access: "admin"`; lib checks the admin role again and writes the
 * audit row). A new key comes back in the form's state, shown once on the page that answers the
 * post: it is never put in a URL, a log or the database.
 */
const PAGE = "/staff/admin/api-keys";

export const createApiKeyAction = stateAction(
  { access: "admin", returnTo: PAGE, schema: createKeySchema, onInvalid: invalidFormState() },
  async ({ name, teams }, { user, ip }): Promise<FormState> => {
    const result = await createApiKey(getDb(), { userId: user.userId, ip }, { name, teams }, now());
    if (result.status === "forbidden") redirect("/staff");
    if (result.status === "invalid") return { errors: result.errors, values: { name, teams: teams.join(",") } };
    logEvent("api-key.created", { apiKeyId: result.id, userId: user.userId });
    revalidatePath(PAGE);
    return { errors: {}, values: { newKey: result.key, newKeyName: name } };
  },
);

export const revokeApiKeyAction = serverAction(
  { access: "admin", returnTo: PAGE, schema: revokeKeySchema, onInvalid: () => redirect(`${PAGE}?gone=1`) },
  async ({ keyId }, { user, ip }) => {
    const result = await revokeApiKey(getDb(), { userId: user.userId, ip }, keyId, now());
    if (result !== "revoked") redirect(`${PAGE}?gone=1`);
    logEvent("api-key.revoked", { apiKeyId: keyId, userId: user.userId });
    redirect(`${PAGE}?revoked=1`);
  },
);
