import "server-only";
import type { KeepSpec } from "@/app/_actions/kept-posts";
import { takeKept } from "@/app/_actions/kept-posts";
import type { FormState } from "@/app/_forms/form-state";
import { valuesOf } from "@/lib/kept-posts/fields";

/**
 * Update Account posted after the session ended (issue 15): kept for the ended session's person,
 * and shown again, filled in but not saved, when they come back signed in.
 */
export const keepAccountPost: KeepSpec = {
  kind: "account",
  targetOf: async () => ({ targetId: null, restorePath: (keptId) => `/account/update?kept=${keptId}` }),
};

/** The form's state from the kept post `keptId` of this person in this browser, once; else null. */
export async function keptAccountState(userId: string, keptId: string | undefined): Promise<FormState | null> {
  const fields = await takeKept("account", keptId, null, userId);
  return fields ? { errors: {}, values: valuesOf(fields) } : null;
}
