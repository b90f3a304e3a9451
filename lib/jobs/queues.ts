/** The job queues, by name. Each has its own retry policy in the worker. */
export const QUEUES = {
  deliverMail: "mail.deliver",
  /** Daily: deletes expired drafts and sends the "will be deleted soon" reminders. */
  draftHousekeeping: "drafts.housekeeping",
} as const;

export type DeliverMailJob = { outboxId: string };
