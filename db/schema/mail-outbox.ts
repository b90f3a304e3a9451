import { integer, pgEnum, pgTable, text, timestamp, uuid, index } from "drizzle-orm/pg-core";

export const mailStatus = pgEnum("mail_status", ["pending", "sent", "failed"]);

/**
 * Every email, written in the same transaction as the change it reports and delivered by the
 * job worker. The body is rendered when queued so a later template change cannot alter it.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    /** The body, kept only until delivered: codes and links in it must not outlive the email. */
    html: text("html"),
    text: text("text"),
    /** The template's name, for logs: never the content. */
    template: text("template").notNull(),
    status: mailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [index("mail_outbox_status_idx").on(table.status)],
);
