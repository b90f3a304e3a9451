/**
 * pg-boss speaks `executeSql(text, values)` with $1..$n placeholders. This adapter runs those
 * statements through drizzle, so a job can be sent inside the caller's transaction: when the
 * transaction rolls back, the job was never queued.
 */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type SqlExecutor = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

export function toParameterisedSql(text: string, values: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)\b/);
  const query = sql.empty();
  parts.forEach((part, index) => {
    if (index % 2 === 0) query.append(sql.raw(part));
    else query.append(sql`${asParameter(values[Number(part) - 1])}`);
  });
  return query;
}

/** pg-boss hands job data over as objects (node-postgres would JSON them); postgres.js wants text. */
function asParameter(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

export function executorFor(db: DbOrTx): SqlExecutor {
  return {
    async executeSql(text, values) {
      const rows = await db.execute(toParameterisedSql(text, values));
      return { rows: [...rows] };
    },
  };
}
