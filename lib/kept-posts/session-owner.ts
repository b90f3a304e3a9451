import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sessions } from "@/db/schema";
import { isUuid } from "@/lib/security/uuid";

/**
 * The person a session row belongs to, live or ended. A post that arrives after the session
 * ended still carries the (signed, encrypted) cookie naming that row, and it is to that person
 * that what they posted is kept. Not a sign-in: nothing is shown or changed for them here.
 */
export async function sessionOwnerOf(db: DbOrTx, sessionId: string): Promise<string | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.id, sessionId));
  return row?.userId ?? null;
}
