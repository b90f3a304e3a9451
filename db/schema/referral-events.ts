import { index, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { apiKeys } from "./delivery";
import { submissions } from "./submissions";
import { users } from "./users";

/**
 * A referral's history: sent, viewed by whom, information requested, resubmitted, responded,
 * closed, moved. Written in the same transaction as the change it records (lib/referrals).
 * `kind` is one of ReferralEventKind; `detail` holds what the kind needs (a reason and
 * comments, the teams of a move, the linked version), never the answers.
 */
export const referralEvents = pgTable(
  "referral_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** The staff member who acted; null when the case system acted through the API (then `apiKeyId`). */
    actorId: uuid("actor_id").references(() => users.id),
    /** The API key the case system answered back with (lib/delivery), when it was not a person. */
    apiKeyId: uuid("api_key_id").references((): AnyPgColumn => apiKeys.id),
    kind: text("kind").notNull(),
    detail: jsonb("detail").notNull().default({}),
  },
  (table) => [index("referral_events_submission_at_idx").on(table.submissionId, table.at)],
);
