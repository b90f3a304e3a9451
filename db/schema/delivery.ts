import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { submissions } from "./submissions";
import { teams } from "./teams";
import { users } from "./users";

/**
 * Delivery to the council's case system (lib/delivery). Every sent form gets one `deliveries`
 * row in the transaction that makes the submission (an outbox, as mail is): the webhook worker
 * pushes it to its team's endpoint, and the pull API lists the undelivered ones and takes the
 * case system's acknowledgement.
 *
 * - queued: waiting for its first push, or for a pull (a team with no endpoint);
 * - retrying: a push failed and another is due at `next_attempt_at`;
 * - delivered: the endpoint answered 2xx, or the case system acknowledged it through the API;
 * - failed: pushes failed for the whole retry window; an admin can "Retry now".
 */
export const deliveryStatus = pgEnum("delivery_status", ["queued", "retrying", "delivered", "failed"]);

export const deliveries = pgTable(
  "deliveries",
  {
    submissionId: uuid("submission_id")
      .primaryKey()
      .references(() => submissions.id),
    /** The Standard Webhooks `webhook-id` ("msg_" + a random id): the same on every retry, so the receiver can de-duplicate. */
    webhookId: text("webhook_id").notNull().unique(),
    status: deliveryStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** A short description of the last failure (HTTP status, timeout, refused address): never the body. */
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** "webhook" or "api": how the case system took it. */
    deliveredBy: text("delivered_by"),
    /** The case system's own id for the record, when it gave one (webhook answer or ack). */
    caseSystemId: text("case_system_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    // The pull API's list and the health check's oldest undelivered: undelivered, oldest first.
    index("deliveries_undelivered_idx").on(table.createdAt, table.submissionId).where(sql`${table.deliveredAt} is null`),
    // Retention: delivered longest ago first.
    index("deliveries_delivered_idx").on(table.deliveredAt).where(sql`${table.deliveredAt} is not null`),
  ],
);

/**
 * A team's webhook endpoint, set in the admin area (or by a DELIVERY_WEBHOOK_<TEAM> setting). The
 * signing secret is kept encrypted with a key derived from AUTH_SECRET, since the portal needs it
 * back to sign each request.
 */
export const deliveryEndpoints = pgTable("delivery_endpoints", {
  teamId: text("team_id")
    .primaryKey()
    .references(() => teams.id),
  url: text("url").notNull(),
  /** The `whsec_…` secret, encrypted (AES-256-GCM, base64 of iv|tag|ciphertext). */
  secretCiphertext: text("secret_ciphertext").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
});

/**
 * An API key of the pull API: shown once when created, stored only as a hash, scoped to teams.
 * `prefix` is the key's first characters, shown in the admin area so a key can be recognised.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    /** The teams (teams ids) whose submissions the key may read and answer. */
    teams: text("teams").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (table) => [index("api_keys_created_idx").on(table.createdAt)],
);
