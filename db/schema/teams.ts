import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
