import { check, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./users";

/**
 * The council's teams (Front Door / MASH, Early Help, LADO, SEND Assessment, ...). The id is a
 * stable text id ("social-care", "early-help", "lado", "send"): form definitions name it, and
 * every referral and SEND case carries the id of the team it sits with.
 */
export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** caseworker and team-manager work one team's records; admin manages people and settings and opens no record. */
export const staffRole = pgEnum("staff_role", ["caseworker", "team-manager", "admin"]);

/**
 * What a staff member may do: one row per team they work in (caseworker or team-manager), and
 * one row without a team for a council admin. Every staff query reads this table in its own
 * WHERE (lib/staff/scope.ts), so a change here holds from the next query on.
 */
export const staffMemberships = pgTable(
  "staff_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    teamId: text("team_id").references(() => teams.id),
    role: staffRole("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One role per person per team; a person is an admin at most once.
    uniqueIndex("staff_memberships_user_team_idx").on(table.userId, sql`coalesce(${table.teamId}, '')`),
    index("staff_memberships_team_idx").on(table.teamId, table.role),
    check("staff_memberships_admin_has_no_team", sql`(${table.role} = 'admin') = (${table.teamId} is null)`),
  ],
);

/**
 * A council admin's invitation to a new staff member: the emailed activation link (stored only as
 * a keyed hash) lets the person at that address choose their own password, and the account is
 * made then, with the teams and role set here. Nobody else ever sees or sends a password.
 */
export const staffInvitations = pgTable(
  "staff_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    forename: text("forename").notNull(),
    surname: text("surname").notNull(),
    /** The memberships the account gets: [{ teamId, role }] (lib/staff/memberships.ts). */
    memberships: jsonb("memberships").notNull(),
    linkHash: text("link_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    userId: uuid("user_id").references(() => users.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (table) => [index("staff_invitations_email_idx").on(sql`lower(${table.email})`)],
);
