/** The job queues, by name. Each has its own retry policy in the worker. */
export const QUEUES = {
  deliverMail: "mail.deliver",
  /** Daily: deletes expired drafts and sends the "will be deleted soon" reminders. */
  draftHousekeeping: "drafts.housekeeping",
  /** Daily: deletes old outbox rows and clears failed messages' bodies (lib/mail/outbox-retention.ts). */
  mailRetention: "mail.retention",
  /** Daily: deletes the content of forms the case system acknowledged long enough ago (lib/delivery/retention.ts). */
  deliveredRetention: "delivery.retention",
} as const;

export type DeliverMailJob = { outboxId: string };
