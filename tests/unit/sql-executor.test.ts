import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { toParameterisedSql } from "@/lib/jobs/sql-executor";

const dialect = new PgDialect();

describe("pg-boss statements through drizzle", () => {
  it("keeps placeholders in order and passes values as parameters, objects as JSON", () => {
    const query = dialect.sqlToQuery(toParameterisedSql("insert into t values ($1, $2::jsonb, $10, $1)", ["a", { id: 1 }, 3, 4, 5, 6, 7, 8, 9, "ten"]));
    expect(query.sql).toBe("insert into t values ($1, $2::jsonb, $3, $4)");
    expect(query.params).toEqual(["a", '{"id":1}', "ten", "a"]);
  });

  it("turns missing values into nulls", () => {
    expect(dialect.sqlToQuery(toParameterisedSql("select $1, $2", [undefined])).params).toEqual([null, null]);
  });
});
