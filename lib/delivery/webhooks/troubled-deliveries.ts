/**
 * What council admins watch: deliveries that are retrying or failed (reference, team, attempts,
 * next try, last error: never the answers), and "Retry now", which makes one due at once. A
 * failed delivery retried now gets one more try; if that fails too it is failed again (its
 * window was spent), so an admin retries after fixing the endpoint, not in a loop.
 */
import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { deliveries, submissions, teams } from "@/db/schema";
import { recordDeliveryAudit, type Admin } from "./endpoints";

export type TroubledDelivery = {
  submissionId: string;
  reference: string;
  teamName: string;
  status: "retrying" | "failed";
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
};

export const TROUBLED_SHOWN = 100;

export async function listTroubledDeliveries(db: Pick<DbOrTx, "select">): Promise<TroubledDelivery[]> {
  const rows = await db
    .select({ submissionId: deliveries.submissionId, reference: submissions.reference, teamName: teams.name, status: deliveries.status, attempts: deliveries.attempts, nextAttemptAt: deliveries.nextAttemptAt, lastError: deliveries.lastError })
    .from(deliveries)
    .innerJoin(submissions, eq(submissions.id, deliveries.submissionId))
    .innerJoin(teams, eq(teams.id, submissions.team))
    .where(and(inArray(deliveries.status, ["retrying", "failed"]), isNull(deliveries.deliveredAt)))
    .orderBy(asc(deliveries.createdAt))
    .limit(TROUBLED_SHOWN);
  return rows.map((row) => ({ ...row, status: row.status as TroubledDelivery["status"] }));
}

export async function retryDeliveryNow(deps: { db: Db; now: Date; ip: string | null }, admin: Admin, submissionId: string): Promise<{ status: "retrying" | "not-found" }> {
  return deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(deliveries)
      .set({ status: "retrying", nextAttemptAt: deps.now })
      .where(and(eq(deliveries.submissionId, submissionId), inArray(deliveries.status, ["retrying", "failed"]), isNull(deliveries.deliveredAt)))
      .returning({ webhookId: deliveries.webhookId });
    if (updated.length === 0) return { status: "not-found" } as const;
    await recordDeliveryAudit(tx, "delivery-retried", admin, deps.ip, deps.now, { submissionId, webhookId: updated[0]!.webhookId });
    return { status: "retrying" } as const;
  });
}
