import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { councils } from "./councils";
import { users } from "./users";

/**
 * A registration in progress: the details of step 1, then the email and password of step 2,
 * kept until the emailed code proves the address. No user row exists before that, so an
 * unverified stranger can never hold someone else's email address.
 */
export const registrations = pgTable("registrations", {
  id: uuid("id").primaryKey().defaultRandom(),
  councilId: uuid("council_id")
    .notNull()
    .references(() => councils.id),
  email: text("email"),
  details: jsonb("details").notNull(),
  passwordHash: text("password_hash"),
  userId: uuid("user_id").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const codePurpose = pgEnum("code_purpose", ["verify-email", "sign-in", "reset-password"]);

/** Emailed one-time codes, stored as keyed hashes. Only the newest for a subject is live. */
export const oneTimeCodes = pgTable(
  "one_time_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: codePurpose("purpose").notNull(),
    /** The registration (verify-email) or the user (sign-in, reset-password). */
    subjectId: uuid("subject_id").notNull(),
    codeHash: text("code_hash").notNull(),
    wrongTries: integer("wrong_tries").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("one_time_codes_subject_idx").on(table.purpose, table.subjectId)],
);

/** Server-side sessions: the cookie names a row, and ending the row ends the session. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason"),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/** Earlier password hashes, so a new password can be refused if it was used before. */
export const passwordHistory = pgTable("password_history", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window counters (e.g. sign-in attempts per IP), shared by every app instance. */
export const throttleCounters = pgTable("throttle_counters", {
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

/** Who did what, when: event names and ids only, never passwords, codes or answers. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    event: text("event").notNull(),
    userId: uuid("user_id"),
    subjectId: uuid("subject_id"),
    ip: text("ip"),
    /** What the event needs beyond ids (a search's terms, a download's file id); never answers or passwords. */
    detail: jsonb("detail"),
  },
  (table) => [index("audit_events_user_idx").on(table.userId, table.at), index("audit_events_subject_idx").on(table.subjectId, table.at), index("audit_events_at_idx").on(table.at)],
);
