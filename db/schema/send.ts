import { bigserial, boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { submissions } from "./submissions";
import { councils } from "./councils";
import { teams } from "./teams";
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
    /** The team that runs the case (SEND Assessment): only its members see it. */
    team: text("team")
      .notNull()
      .default("send")
      .references(() => teams.id),
    /** How the family reaches the SEND team (phone, email), shown on the dashboard and in emails. */
    teamContact: text("team_contact").notNull(),
    dayOneRule: sendDayOneRule("day_one_rule").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /**
     * For the caseworkers' list only (lib/send/caseload.ts): the case's stage (a CaseStage) and its
     * next statutory deadline, worked out by computeTimescales from the events and written in the
     * transaction of every event that can change them (null next_due: nothing due). Neither depends
     * on today's date, so they never go stale by themselves. A null stage means "not worked out
     * yet" (rows made before these columns): the list fills those in before it reads.
     */
    stage: text("stage"),
    nextDue: date("next_due", { mode: "string" }),
  },
  (table) => [
    index("send_cases_caseworker_idx").on(table.caseworkerId),
    index("send_cases_team_idx").on(table.team),
    index("send_cases_child_name_trgm_idx").using("gin", table.childName.op("gin_trgm_ops")),
    // The list's order (nearest due first, nothing due last) within a team, and the same per stage.
    index("send_cases_caseload_idx").on(table.team, table.nextDue, table.requestDate, table.number),
    index("send_cases_caseload_stage_idx").on(table.team, table.stage, table.nextDue, table.requestDate, table.number),
    index("send_cases_stage_unknown_idx")
      .on(table.team)
      .where(sql`${table.stage} is null`),
  ],
);

/**
 * For the caseworkers' list's totals only (lib/send/caseload.ts): how many cases each team has at
 * each stage ('' for a case whose stage is not worked out yet), so "Open cases (17,050)" is a sum
 * of a few rows instead of a count over every case. Kept by statement triggers on send_cases
 * (migration 0013_send_caseload_counts: insert, delete, any update that changes a case's team or
 * stage, truncate) in the same transaction as the change, whoever writes the row.
 */
export const sendCaseloadCounts = pgTable(
  "send_caseload_counts",
  {
    team: text("team").notNull(),
    stage: text("stage").notNull(),
    cases: integer("cases").notNull(),
  },
  (table) => [primaryKey({ columns: [table.team, table.stage] })],
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

// --- Issue 9: secure messages, Documents to View, Actions to Complete ----------------------

export const sendMessageType = pgEnum("send_message_type", ["assessment", "annual-review", "school-placement", "general"]);

/**
 * A secure message on a child's case, stored as sent (never edited). `fromFamily` says which side
 * wrote it: a family member with access (to the SEND team) or a caseworker (to the family, read
 * by everyone with access). Plain text only; shown escaped.
 */
export const sendMessages = pgTable(
  "send_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => sendCases.id),
    fromUserId: uuid("from_user_id")
      .notNull()
      .references(() => users.id),
    fromFamily: boolean("from_family").notNull(),
    type: sendMessageType("type").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    replyToId: uuid("reply_to_id"),
    /**
     * A caseworker's message to one family member (that person and the team see it); null is "to
     * all with access". A family member's message has none: the sender and the team see it.
     */
    toUserId: uuid("to_user_id").references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("send_messages_case_idx").on(table.caseId, table.sentAt)],
);

/** Who read a message, and when (the first time). */
export const sendMessageReads = pgTable(
  "send_message_reads",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => sendMessages.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.userId] }), index("send_message_reads_user_idx").on(table.userId)],
);

/**
 * A document the SEND team published to a case ("Documents to View"): the bytes in storage under
 * a random key, type decided by content. Withdrawn documents stay for the record but can no
 * longer be listed or downloaded by the family.
 */
export const sendDocuments = pgTable(
  "send_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => sendCases.id),
    objectKey: text("object_key").notNull().unique(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** clean: ClamAV found nothing; unscanned: scanning was off (development without clamd). */
    scanStatus: text("scan_status").notNull().default("unscanned"),
    documentDate: date("document_date", { mode: "string" }).notNull(),
    description: text("description").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    publishedBy: uuid("published_by")
      .notNull()
      .references(() => users.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
  },
  (table) => [index("send_documents_case_idx").on(table.caseId, table.publishedAt)],
);

/** Each time a family member downloaded a document. */
export const sendDocumentDownloads = pgTable(
  "send_document_downloads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => sendDocuments.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (table) => [index("send_document_downloads_document_idx").on(table.documentId)],
);

/**
 * A form the SEND team asked the family to complete ("Actions to Complete"). The family member
 * who opens it gets a draft of the form (the form engine's pages); sending it links the
 * submission here and takes the action off the list.
 */
export const sendActions = pgTable(
  "send_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => sendCases.id),
    formId: text("form_id").notNull(),
    dueDate: date("due_date", { mode: "string" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull(),
    assignedBy: uuid("assigned_by")
      .notNull()
      .references(() => users.id),
    /** The draft the family is filling in, once opened (no foreign key: a sent draft is deleted). */
    draftId: uuid("draft_id").unique(),
    submissionId: uuid("submission_id").references(() => submissions.id),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: uuid("completed_by").references(() => users.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (table) => [index("send_actions_case_idx").on(table.caseId)],
);
