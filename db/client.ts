/**
 * The database handle. Query functions take a `Db` (or a transaction, which has the same
 * shape) so they run the same inside a transaction and in tests.
 */
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { appSettings } from "@/lib/config/env";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export function createDb(url: string, options: { max?: number } = {}) {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle(client, { schema });
  return { db, close: () => client.end({ timeout: 5 }) };
}

let shared: ReturnType<typeof createDb> | undefined;

/** The app's shared pool, opened on first use. */
export function getDb(): Db {
  shared ??= createDb(appSettings().DATABASE_URL);
  return shared.db;
}
