import { bigserial, date, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { councils } from "./councils";
import { users } from "./users";

/** Which day counts as day 1 of a statutory timescale; a case keeps the rule it was created under. */
export const sendDayOneRule = pgEnum("send_day_one_rule", ["request-day", "day-after"]);

/**
 * An EHC needs assessment for one child, run by a SEND caseworker. Dates the law counts in are
 * calendar dates (`date`, read as "YYYY-MM-DD" strings), so they are the same in every time zone.
 * `number` is the case number staff search and quote (shown as EHC-000123).
 */
export const sendCases = pgTable(
  "send_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: serial("number").notNull().unique(),
    councilId: uuid("council_id")
      .notNull()
      .references(() => councils.id),
    childForename: text("child_forename").notNull(),
    childSurname: text("child_surname").notNull(),
    childDateOfBirth: date("child_date_of_birth", { mode: "string" }).notNull(),
    /** Lower-cased "forename surname", for the caseworkers' search. */
    childName: text("child_name").notNull(),
    requestDate: date("request_date", { mode: "string" }).notNull(),
    requestorName: text("requestor_name").notNull(),
    requestorRelationship: text("requestor_relationship").notNull(),
    requestorEmail: text("requestor_email").notNull(),
    caseworkerId: uuid("caseworker_id")
      .notNull()
      .references(() => users.id),
    /** How the family reaches the SEND team (phone, email), shown on the dashboard and in emails. */
    teamContact: text("team_contact").notNull(),
    dayOneRule: sendDayOneRule("day_one_rule").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
  },
  (table) => [index("send_cases_caseworker_idx").on(table.caseworkerId), index("send_cases_child_name_trgm_idx").using("gin", table.childName.op("gin_trgm_ops"))],
);

/**
 * What happened on a case, oldest first: each recorded stage (its outcome and date), each
 * exception to a timescale, and the invitation and access steps. Rows are never changed, so the
 * dashboard's History and the timescales are both read from here.
 * `kind` is a SendEventKind (lib/send/events.ts); `detail` holds what that kind needs.
 */
export const sendCaseEvents = pgTable(
  "send_case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The order events were written in (two in one request share `at`), for History and the stage order. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => sendCases.id),
    kind: text("kind").notNull(),
    /** The date the event happened on (a stage's date, the day an exception was recorded). */
    eventDate: date("event_date", { mode: "string" }).notNull(),
    detail: jsonb("detail").notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id").references(() => users.id),
  },
  (table) => [index("send_case_events_case_idx").on(table.caseId, table.seq)],
);

export const sendInvitationStatus = pgEnum("send_invitation_status", ["awaiting-verification", "verified", "accepted", "declined", "locked", "cancelled"]);

/**
 * An invitation to the family's portal access for one case. The identity code goes to the
 * requestor's address; the family quotes it to the SEND team, who enter it ("Verify identity").
 * A right code sends a single-use link. Both secrets are stored only as keyed hashes.
 */
export const sendInvitations = pgTable(
  "send_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => sendCases.id),
    email: text("email").notNull(),
    status: sendInvitationStatus("status").notNull(),
    codeHash: text("code_hash").notNull(),
    codeExpiresAt: timestamp("code_expires_at", { withTimezone: true }).notNull(),
    wrongCodes: integer("wrong_codes").notNull().default(0),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    linkHash: text("link_hash"),
    linkExpiresAt: timestamp("link_expires_at", { withTimezone: true }),
    /** Set when the link is opened by the invited account: the link is then used up. */
    claimedBy: uuid("claimed_by").references(() => users.id),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
  },
  (table) => [index("send_invitations_case_idx").on(table.caseId), index("send_invitations_claimed_idx").on(table.claimedBy), uniqueIndex("send_invitations_link_hash_idx").on(table.linkHash)],
);

export const sendAccessStatus = pgEnum("send_access_status", ["pending", "active", "revoked"]);

/**
 * A person's access to a child's case: pending once they accept the invitation, active once a
 * caseworker activates it, revoked when it is taken away. Every parent-side read goes through
 * the active row (lib/send/access.ts), so revoking takes effect at the next request.
 */
export const sendAccess = pgTable(
  "send_access",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => sendCases.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    invitationId: uuid("invitation_id").references(() => sendInvitations.id),
    status: sendAccessStatus("status").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("send_access_case_user_idx").on(table.caseId, table.userId), index("send_access_user_idx").on(table.userId)],
);
