import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The council running this portal. One row in practice; kept as a table so records can name it. */
export const councils = pgTable("councils", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
