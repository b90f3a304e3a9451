/** A team's endpoint with its secret opened, for the worker that signs with it (dispatch.ts). */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { deliveryEndpoints } from "@/db/schema";
import { openSecret } from "./secret-box";

/** The endpoint, or null (no endpoint, or a secret that no longer opens: AUTH_SECRET changed). */
export async function endpointForTeam(db: Pick<DbOrTx, "select">, authSecret: string, teamId: string): Promise<{ url: string; secret: string } | null> {
  const [row] = await db.select().from(deliveryEndpoints).where(eq(deliveryEndpoints.teamId, teamId));
  if (!row) return null;
  const secret = openSecret(authSecret, teamId, row.secretCiphertext);
  return secret ? { url: row.url, secret } : null;
}
