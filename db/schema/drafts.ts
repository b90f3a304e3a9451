import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { submissions } from "./submissions";
import { users } from "./users";

/**
 * A form being filled in ("Save for later"): the people it is about, the answers so far, and
 * where the user stopped. Kept for the council's retention from its start date. `revision`
 * goes up with every save, so a save from a stale copy (a second tab) can be refused.
 */
export const drafts = pgTable(
  "drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    formId: text("form_id").notNull(),
    formVersion: integer("form_version").notNull(),
    people: jsonb("people").notNull().default([]),
    answers: jsonb("answers").notNull().default({}),
    currentSectionId: text("current_section_id"),
    revision: integer("revision").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When the "your saved form will be deleted soon" email went, so it goes once. */
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    /** "Add info": the submission (sent back for more information) this draft will resubmit. */
    resubmissionOf: uuid("resubmission_of").references(() => submissions.id),
  },
  (table) => [index("drafts_owner_idx").on(table.ownerId), index("drafts_expires_idx").on(table.expiresAt)],
);
