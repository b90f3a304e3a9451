/**
 * A council admin's control of each team's webhook endpoint: its URL (set, change, remove) and
 * its signing secret, generated here (never typed), returned once when it is made or rotated and
 * kept only encrypted (secret-box.ts). Every change writes its audit row in the same transaction.
 * Callers check the actor is a council admin (the admin actions' wrapper) before calling.
 */
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { auditEvents, deliveryEndpoints, teams } from "@/db/schema";
import type { DeliveryAuditEvent } from "./audit-events";
import { MAX_ENDPOINT_URL_LENGTH } from "./endpoint-rules";
import { endpointUrlProblem } from "./post";
import { sealSecret } from "./secret-box";
import { generateWebhookSecret } from "./signature";

export type EndpointDeps = { db: Db; authSecret: string; allowLocal: boolean; now: Date; ip: string | null };
export type Admin = { userId: string };

export async function recordDeliveryAudit(db: DbOrTx, event: DeliveryAuditEvent, admin: Admin, ip: string | null, at: Date, detail: Record<string, unknown>): Promise<void> {
  await db.insert(auditEvents).values({ event, at, userId: admin.userId, ip, detail });
}

export type TeamEndpoint = { teamId: string; teamName: string; url: string | null; updatedAt: Date | null };

export async function listTeamEndpoints(db: Pick<DbOrTx, "select">): Promise<TeamEndpoint[]> {
  return db
    .select({ teamId: teams.id, teamName: teams.name, url: deliveryEndpoints.url, updatedAt: deliveryEndpoints.updatedAt })
    .from(teams)
    .leftJoin(deliveryEndpoints, eq(deliveryEndpoints.teamId, teams.id))
    .orderBy(asc(teams.name));
}

export type SetEndpointResult = { status: "saved"; newSecret: string | null } | { status: "invalid-url"; problem: string } | { status: "no-team" };

/** Sets or changes a team's URL; a team's first endpoint gets a new secret, returned this once. */
export async function setTeamEndpoint(deps: EndpointDeps, admin: Admin, input: { teamId: string; url: string }): Promise<SetEndpointResult> {
  const url = input.url.trim();
  const problem = url.length > MAX_ENDPOINT_URL_LENGTH ? "is too long" : endpointUrlProblem(url, { allowLocal: deps.allowLocal });
  if (problem) return { status: "invalid-url", problem };
  return deps.db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!team) return { status: "no-team" } as const;
    const [existing] = await tx.select({ teamId: deliveryEndpoints.teamId }).from(deliveryEndpoints).where(eq(deliveryEndpoints.teamId, team.id)).for("update");
    let newSecret: string | null = null;
    if (existing) {
      await tx.update(deliveryEndpoints).set({ url, updatedAt: deps.now, updatedBy: admin.userId }).where(eq(deliveryEndpoints.teamId, team.id));
    } else {
      newSecret = generateWebhookSecret();
      await tx.insert(deliveryEndpoints).values({ teamId: team.id, url, secretCiphertext: sealSecret(deps.authSecret, team.id, newSecret), updatedAt: deps.now, updatedBy: admin.userId });
    }
    await recordDeliveryAudit(tx, "delivery-endpoint-set", admin, deps.ip, deps.now, { team: team.id, url, isNew: !existing });
    return { status: "saved", newSecret } as const;
  });
}

/** A new secret for a team's endpoint, returned this once; the old one stops working at once. */
export async function rotateTeamSecret(deps: EndpointDeps, admin: Admin, teamId: string): Promise<{ status: "rotated"; newSecret: string } | { status: "no-endpoint" }> {
  return deps.db.transaction(async (tx) => {
    const newSecret = generateWebhookSecret();
    const updated = await tx
      .update(deliveryEndpoints)
      .set({ secretCiphertext: sealSecret(deps.authSecret, teamId, newSecret), updatedAt: deps.now, updatedBy: admin.userId })
      .where(eq(deliveryEndpoints.teamId, teamId))
      .returning({ teamId: deliveryEndpoints.teamId });
    if (updated.length === 0) return { status: "no-endpoint" } as const;
    await recordDeliveryAudit(tx, "delivery-secret-rotated", admin, deps.ip, deps.now, { team: teamId });
    return { status: "rotated", newSecret } as const;
  });
}

/** Removes a team's endpoint: its deliveries wait for the pull API from now on. */
export async function removeTeamEndpoint(deps: EndpointDeps, admin: Admin, teamId: string): Promise<{ status: "removed" | "no-endpoint" }> {
  return deps.db.transaction(async (tx) => {
    const removed = await tx.delete(deliveryEndpoints).where(eq(deliveryEndpoints.teamId, teamId)).returning({ teamId: deliveryEndpoints.teamId });
    if (removed.length === 0) return { status: "no-endpoint" } as const;
    await recordDeliveryAudit(tx, "delivery-endpoint-removed", admin, deps.ip, deps.now, { team: teamId });
    return { status: "removed" } as const;
  });
}
