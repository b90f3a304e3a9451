import { boolean, integer, pgEnum, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { councils } from "./councils";

/** referrer: public or professional; parent: SEND family; caseworker and admin: council staff. */
export const userRole = pgEnum("user_role", ["referrer", "parent", "caseworker", "admin"]);

/** Everyone who signs in. A row exists only once its email address has been verified. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: uuid("council_id")
      .notNull()
      .references(() => councils.id),
    email: text("email").notNull(),
    role: userRole("role").notNull().default("referrer"),
    passwordHash: text("password_hash").notNull(),
    forename: text("forename").notNull(),
    surname: text("surname").notNull(),
    isProfessional: boolean("is_professional").notNull().default(false),
    organisation: text("organisation"),
    jobRole: text("job_role"),
    propertyName: text("property_name"),
    houseNumber: text("house_number"),
    street: text("street"),
    area: text("area"),
    town: text("town"),
    postcode: text("postcode"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    termsAcceptedAt: timestamp("terms_accepted_at", { withTimezone: true }),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Set for a password someone else chose (npm run staff:create): the next sign-in must change it. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** Set by a council admin: the account cannot sign in, and its sessions end at their next request. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Emails are compared without case: Jo@School.org and jo@school.org are one account.
  (table) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${table.email})`)],
);
