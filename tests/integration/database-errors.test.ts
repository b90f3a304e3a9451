import { inspect } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { DatabaseError } from "@/db/database-error";
import { users } from "@/db/schema";

const { db, close } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => close());

const EMAIL = "jo.bloggs@example.org";

/** What anything that prints the error (Next.js's own error log included) would print. */
const printed = (error: unknown) => inspect(error, { depth: 6, showHidden: true });

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the statement to fail");
}

describe("database errors carry no values", () => {
  it("a query whose parameter Postgres quotes back (invalid uuid) fails with its code only", async () => {
    const error = await failure(() => db.select().from(users).where(eq(users.id, EMAIL)));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({ code: "22P02" });
    expect(printed(error)).not.toContain("jo.bloggs");
  });

  it("a unique violation inside a transaction keeps its constraint and table, not the key's value", async () => {
    const error = await failure(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table outbox_probe (email text primary key) on commit drop`);
        await tx.execute(sql`insert into outbox_probe (email) values (${EMAIL})`);
        await tx.execute(sql`insert into outbox_probe (email) values (${EMAIL})`);
      }),
    );
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({ code: "23505", constraint: "outbox_probe_pkey", table: "outbox_probe" });
    expect(printed(error)).not.toContain("jo.bloggs");
    expect(printed(error)).not.toContain("insert into");
  });

  it("errors of the app's own code inside a transaction pass through unchanged", async () => {
    const mine = new Error("the change failed");
    expect(await failure(() => db.transaction(async () => Promise.reject(mine)))).toBe(mine);
  });
});
