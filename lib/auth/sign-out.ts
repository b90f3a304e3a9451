import type { DbOrTx } from "@/db/client";
import { recordAudit } from "./audit";
import { endSession, type SessionUser } from "./sessions";

/** Ends the user's current session on the server and records it. */
export async function signOutSession(db: DbOrTx, user: Pick<SessionUser, "sessionId" | "userId">, now: Date): Promise<void> {
  await endSession(db, user.sessionId, "signed-out", now);
  await recordAudit(db, "signed-out", { userId: user.userId, subjectId: user.sessionId }, now);
}
