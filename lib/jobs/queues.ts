/** The job queues, by name. Each has its own retry policy in the worker. */
export const QUEUES = {
  deliverMail: "mail.deliver",
} as const;

export type DeliverMailJob = { outboxId: string };
