import { defineConfig } from "drizzle-kit";

// Generating migrations needs no database: `npm run db:generate` diffs db/schema against
// db/migrations. The launcher applies them at start-up.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/unused" },
});
