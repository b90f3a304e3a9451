import "server-only";
import type { KeepSpec } from "@/app/_actions/kept-posts";
import { takeKept } from "@/app/_actions/kept-posts";
import type { FormState } from "@/app/_forms/form-state";
import { valuesOf } from "@/lib/kept-posts/fields";
import { isUuid } from "@/lib/security/uuid";

/**
 * A secure message posted after the session ended (issue 15): kept for the ended session's
 * person and that child's case, and shown again in the form, not sent, when they come back
 * signed in (the page checks their access to the case first, as it always does).
 */
export const keepMessagePost: KeepSpec = {
  kind: "send-message",
  async targetOf(fields) {
    const { caseId, replyToId } = fields;
    if (!isUuid(caseId)) return null;
    const reply = isUuid(replyToId) ? `&replyTo=${replyToId}` : "";
    return { targetId: caseId, restorePath: (keptId) => `/send/${caseId}/messages/new?kept=${keptId}${reply}` };
  },
};

/** The form's state from the kept message `keptId` for this case, person and browser, once; else null. */
export async function keptMessageState(userId: string, caseId: string, keptId: string | undefined): Promise<FormState | null> {
  const fields = await takeKept("send-message", keptId, caseId, userId);
  if (!fields) return null;
  const { type = "", subject = "", body = "" } = valuesOf(fields);
  return { errors: {}, values: { type, subject, body } };
}
