import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { drafts } from "./drafts";
import { submissions } from "./submissions";
import { users } from "./users";

/**
 * A file attached to a form ("Supporting Documentation"). The bytes live in storage under a
 * random `objectKey`; this row says whose it is and where it belongs. While the form is a draft
 * the row has `draftId`; on "Send to Local Authority" it gets `submissionId` in the same
 * transaction that deletes the draft (which sets `draftId` to null).
 *
 * `draftId` references drafts with ON DELETE SET NULL, so a draft deleted without its files
 * (a cancel that did not clean up, a crash) leaves rows with neither a draft nor a submission:
 * the draft housekeeping finds those and deletes their objects and then the rows. A row is never
 * deleted before its object, so there is no object without a row (but for an upload in flight).
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    draftId: uuid("draft_id").references(() => drafts.id, { onDelete: "set null" }),
    submissionId: uuid("submission_id").references(() => submissions.id),
    objectKey: text("object_key").notNull().unique(),
    /** Made safe by safeFileName: no path, no control characters, bounded length. */
    fileName: text("file_name").notNull(),
    /** Decided from the content, never from the name or the browser's claim. */
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** pdf | word | jpeg | png | text */
    kind: text("kind").notNull(),
    /** clean: ClamAV found nothing; unscanned: scanning was off (development without clamd). */
    scanStatus: text("scan_status").notNull().default("unscanned"),
    /**
     * The SHA-256 of the bytes stored, lower-case hex, computed as they stream in (for the case
     * system's copy of the form, lib/delivery). Null on rows stored before it was kept: the
     * document reads such an object once and fills it in.
     */
    sha256: text("sha256"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("attachments_draft_idx").on(table.draftId),
    index("attachments_submission_idx").on(table.submissionId),
    index("attachments_owner_idx").on(table.ownerId),
  ],
);
