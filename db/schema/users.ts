import { pgEnum, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { councils } from "./councils";

export const userRole = pgEnum("user_role", ["referrer", "parent", "caseworker"]);

/** Everyone who signs in: referrers, parents in an EHC needs assessment, and council staff. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: uuid("council_id")
      .notNull()
      .references(() => councils.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull().default("referrer"),
    passwordHash: text("password_hash").notNull(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Emails are compared without case: Jo@School.org and jo@school.org are one account.
  (table) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${table.email})`)],
);
