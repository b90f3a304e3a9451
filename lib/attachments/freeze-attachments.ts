/**
 * "Send to Local Authority" for files (lib/attachments/attachments.ts): the draft's files move to
 * the submission, in the submit transaction (lib/submissions/submit-draft.ts), so what was sent is
 * exactly what the draft held when it was locked.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { attachments, submissions } from "@/db/schema";

/** Moves the draft's files (its owner's only) to the submission; call it before the draft is deleted. Returns how many moved. */
export async function freezeAttachments(tx: DbOrTx, input: { draftId: string; submissionId: string }): Promise<number> {
  const moved = await tx
    .update(attachments)
    .set({ submissionId: input.submissionId })
    .where(
      and(
        eq(attachments.draftId, input.draftId),
        isNull(attachments.submissionId),
        eq(attachments.ownerId, sql`(select ${submissions.ownerId} from ${submissions} where ${submissions.id} = ${input.submissionId})`),
      ),
    )
    .returning({ id: attachments.id });
  return moved.length;
}
