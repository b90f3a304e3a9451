import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const submissionStatus = pgEnum("submission_status", ["submitted", "response-posted", "more-information-requested", "resubmitted", "closed"]);

/**
 * A form sent to the Local Authority: a frozen copy of the answers, the people and the form
 * definition they were given against, with a reference number. One per draft (the unique
 * draft id makes sending idempotent: a double click or a retry finds the first one).
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
  },
  (table) => [index("submissions_owner_idx").on(table.ownerId)],
);
