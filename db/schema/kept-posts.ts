import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * What a person posted after their session had ended (idle, asleep, JavaScript off), kept so
 * that signing in again loses nothing (issue 15). The fields are encrypted (AES-256-GCM, key
 * from AUTH_SECRET) and bound to the person of the ended session, the draft or case posted to,
 * and the browser that posted (`browserHash`, a hash of its own cookie). Short-lived and used
 * once: `usedAt` is stamped by the one read that restores it. See lib/kept-posts.
 */
export const keptPosts = pgTable(
  "kept_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "section", "account" or "send-message". */
    kind: text("kind").notNull(),
    /** The draft (section) or case (send-message) posted to; null for Update Account. */
    targetId: uuid("target_id"),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    browserHash: text("browser_hash").notNull(),
    /** base64 of the 12-byte nonce, the 16-byte GCM tag and the encrypted fields. */
    iv: text("iv").notNull(),
    tag: text("tag").notNull(),
    ciphertext: text("ciphertext").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("kept_posts_user_idx").on(table.userId), index("kept_posts_expires_idx").on(table.expiresAt)],
);
