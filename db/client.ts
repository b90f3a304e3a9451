/**
 * The database handle. Query functions take a `Db` (or a transaction, which has the same
 * shape) so they run the same inside a transaction and in tests.
 */
import { drizzle, PostgresJsPreparedQuery, PostgresJsSession, PostgresJsTransaction, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { scrubDatabaseError } from "./database-error";
import { appSettings } from "@/lib/config/env";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction. */
export type DbOrTx = Db | Tx;

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;
const SCRUBBED = Symbol.for("childrens-portal.scrubbed-database-errors");

/**
 * Every way drizzle reaches postgres.js (statements, raw queries, transactions and savepoints)
 * rethrows its errors without their statement, parameters or quoted values (db/database-error.ts),
 * so nothing that prints an error (Next.js's own error log included) can print personal data.
 * drizzle offers no error hook, so its public methods are wrapped once, where they are defined.
 */
function scrubErrorsOf(prototype: object, names: string[]): void {
  const methods = prototype as Record<string | symbol, unknown>;
  if (methods[SCRUBBED]) return;
  methods[SCRUBBED] = true;
  for (const name of names) {
    const original = methods[name] as AsyncMethod;
    methods[name] = async function (this: unknown, ...args: unknown[]) {
      try {
        return await original.apply(this, args);
      } catch (error) {
        throw scrubDatabaseError(error);
      }
    };
  }
}

scrubErrorsOf(PostgresJsPreparedQuery.prototype, ["execute", "all"]);
scrubErrorsOf(PostgresJsSession.prototype, ["query", "queryObjects", "transaction"]);
scrubErrorsOf(PostgresJsTransaction.prototype, ["transaction"]);

export function createDb(url: string, options: { max?: number } = {}) {
  // debug stays off: with it, postgres.js makes each error's query and parameters enumerable.
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, debug: false });
  const db = drizzle(client, { schema });
  return { db, close: () => client.end({ timeout: 5 }) };
}

let shared: ReturnType<typeof createDb> | undefined;

/** The app's shared pool, opened on first use. */
export function getDb(): Db {
  shared ??= createDb(appSettings().DATABASE_URL);
  return shared.db;
}
