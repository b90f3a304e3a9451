import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Each job worker stamps its row every few seconds; /api/health reads the newest stamp. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  beatAt: timestamp("beat_at", { withTimezone: true }).notNull().defaultNow(),
});
