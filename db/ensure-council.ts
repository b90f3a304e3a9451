/**
 * The council's row, made at start-up when the database has none. Accounts (staff made by
 * `npm run staff:create`, referrers who register) name their council, and production seeds no
 * demo data, so without this a new deployment could make no account at all. Safe from several
 * instances starting at once: the fixed slug is unique, so a second insert does nothing.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client";

export const COUNCIL_SLUG = "council";

export async function ensureCouncil(db: DbOrTx, name: string): Promise<void> {
  await db.execute(sql`insert into councils (slug, name) select ${COUNCIL_SLUG}, ${name} where not exists (select 1 from councils) on conflict (slug) do nothing`);
}
