import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { teams } from "./teams";
import { users } from "./users";

export const submissionStatus = pgEnum("submission_status", ["submitted", "response-posted", "more-information-requested", "resubmitted", "closed"]);

/**
 * A form sent to the Local Authority: a frozen copy of the answers, the people and the form
 * definition they were given against, with a reference number. One per draft (the unique
 * draft id makes sending idempotent: a double click or a retry finds the first one).
 *
 * A resubmission ("Add info" after staff asked for more information) is a new row that links
 * to the one it answers (`previousSubmissionId`), with `version` one more and the original's
 * reference plus "-V<version>". The status rules are in lib/referrals/status-rules.ts.
 *
 * Searching the staff inbox: `reference` by prefix (the text_pattern_ops index; references are
 * upper case) and the children's names by "contains" on `people_names`, through its narrow copy
 * `inbox_search` (below). The inbox's pages walk (team, status, submitted_at, id) and (team,
 * form_id, status, submitted_at, id) one team at a time; its counts are `inbox_counts`, below.
 */
export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull().unique(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    draftId: uuid("draft_id").notNull().unique(),
    formId: text("form_id").notNull(),
    formVersion: integer("form_version").notNull(),
    definition: jsonb("definition").notNull(),
    people: jsonb("people").notNull(),
    answers: jsonb("answers").notNull(),
    status: submissionStatus("status").notNull().default("submitted"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    /** The team it is with (a teams id); submitDraft sets it from the form definition's team. Staff of other teams cannot see it. */
    team: text("team")
      .notNull()
      .references(() => teams.id),
    /** The caseworker a team manager gave it to ("My work"); cleared when it moves to another team. */
    assignedTo: uuid("assigned_to").references(() => users.id),
    /** Lower-cased "forename surname" of every person, joined by " | ": what the inbox's name search reads. */
    peopleNames: text("people_names").notNull().default(""),
    previousSubmissionId: uuid("previous_submission_id").references((): AnyPgColumn => submissions.id),
    version: integer("version").notNull().default(1),
    response: text("response"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /**
     * When retention (COUNCIL_DELIVERED_RETENTION_DAYS after the case system acknowledged it)
     * deleted its answers, people and files; the reference, dates, status and history stay.
     */
    purgedAt: timestamp("purged_at", { withTimezone: true }),
  },
  (table) => [
    index("submissions_owner_idx").on(table.ownerId),
    // The inbox: a tab (status), optionally a team or a form, oldest first.
    index("submissions_status_submitted_idx").on(table.status, table.submittedAt, table.id),
    index("submissions_team_status_submitted_idx").on(table.team, table.status, table.submittedAt, table.id),
    index("submissions_team_form_status_submitted_idx").on(table.team, table.formId, table.status, table.submittedAt, table.id),
    index("submissions_assigned_idx").on(table.assignedTo),
    index("submissions_previous_idx").on(table.previousSubmissionId),
    index("submissions_reference_prefix_idx").on(table.reference.op("text_pattern_ops")),
  ],
);

/**
 * How many submissions each team has of each form in each status: the staff inbox's counts (a
 * tab, a tab of one team, a tab of one form) read a few of these rows instead of counting up to
 * hundreds of thousands of submissions. Kept by statement triggers on submissions (migration
 * inbox_counts), in the transaction of every insert, update and delete, whatever code makes it: a new
 * submission, a staff or case-system action, a team move, a resubmission, a bulk insert.
 */
export const inboxCounts = pgTable(
  "inbox_counts",
  {
    team: text("team").notNull(),
    formId: text("form_id").notNull(),
    status: submissionStatus("status").notNull(),
    n: integer("n").notNull(),
  },
  (table) => [primaryKey({ columns: [table.team, table.status, table.formId] })],
);

/**
 * The inbox's name search: per submission, only what a search reads (its team, form, status and
 * date, and `people_names` as `names`), about 110 bytes a row against 480 for a submission, so the
 * matches of a common surname (10,000 of a tab's 500,000 at 1,000,000 submissions) are rechecked,
 * counted and sorted from a table that stays in PostgreSQL's memory instead of 10,000 pages of
 * submissions read from the disk cache (docs/benchmarks.md, "Referrals inbox"). pg_trgm GIN
 * indexes on `names`, one per status (inbox tab): a search reads only its tab's names (the
 * extension is created by an earlier migration; it is trusted, so the database owner may).
 *
 * Kept by statement triggers on submissions (migration inbox_search), in the transaction of every
 * insert, delete and update that changes one of these columns, whatever code makes it, as
 * `inbox_counts` is: a row per submission, always equal to it.
 */
export const inboxSearch = pgTable(
  "inbox_search",
  {
    submissionId: uuid("submission_id").primaryKey(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    status: submissionStatus("status").notNull(),
    team: text("team").notNull(),
    formId: text("form_id").notNull(),
    names: text("names").notNull(),
  },
  (table) =>
    submissionStatus.enumValues.map((status) =>
      index(`inbox_search_names_${status.replace(/-/g, "_")}_trgm_idx`)
        .using("gin", table.names.op("gin_trgm_ops"))
        .where(sql.raw(`status = '${status}'`)),
    ),
);
