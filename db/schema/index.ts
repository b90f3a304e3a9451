export * from "./councils";
export * from "./users";
export * from "./mail-outbox";
export * from "./worker-heartbeats";
export * from "./auth";
export * from "./drafts";
export * from "./submissions";
export * from "./attachments";
