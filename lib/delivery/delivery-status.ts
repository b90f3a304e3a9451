/**
 * Where a sent form stands with the case system, for the staff referral page: queued, delivered
 * (when, the case system's id, by webhook or API), retrying (next try, last error) or failed.
 * The caller has already opened the referral through the staff scope (viewReferral), so this
 * reads by its id alone; it holds no answers.
 */
import { eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { deliveries } from "@/db/schema";

export type DeliveryStatus = {
  status: "queued" | "retrying" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  deliveredAt: Date | null;
  deliveredBy: "webhook" | "api" | null;
  caseSystemId: string | null;
};

export async function deliveryStatusOf(db: Pick<DbOrTx, "select">, submissionId: string): Promise<DeliveryStatus | null> {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.submissionId, submissionId));
  if (!row) return null;
  const deliveredBy = row.deliveredBy === "webhook" || row.deliveredBy === "api" ? row.deliveredBy : null;
  return { status: row.status, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt, lastError: row.lastError, deliveredAt: row.deliveredAt, deliveredBy, caseSystemId: row.caseSystemId };
}

/** The age in whole seconds of the oldest sent form the case system has not taken yet, or null when none waits (for /api/health). */
export async function oldestUndeliveredAgeSeconds(db: Pick<DbOrTx, "select">, now: Date): Promise<number | null> {
  const [row] = await db.select({ oldest: sql<Date | null>`min(${deliveries.createdAt})`.mapWith((value: string | null) => (value ? new Date(value) : null)) }).from(deliveries).where(isNull(deliveries.deliveredAt));
  const oldest = row?.oldest;
  return oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : null;
}
