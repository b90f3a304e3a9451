CREATE TABLE "send_caseload_counts" (
	"team" text NOT NULL,
	"stage" text NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "send_caseload_counts_team_stage_pk" PRIMARY KEY("team","stage")
);
--> statement-breakpoint
-- Kept by statement triggers on send_cases, in the transaction of the change, whoever writes the
-- row: one signed change per (team, stage) a statement touched ('' for a stage not worked out
-- yet), applied in key order so two transactions lock the counts' rows in the same order.
CREATE FUNCTION "send_caseload_counts_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "send_caseload_counts";
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "send_caseload_counts" AS kept ("team", "stage", "cases")
    SELECT "team", coalesce("stage", ''), count(*)::int FROM "new_cases" GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("team", "stage") DO UPDATE SET "cases" = kept."cases" + excluded."cases";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "send_caseload_counts" AS kept ("team", "stage", "cases")
    SELECT "team", coalesce("stage", ''), -count(*)::int FROM "old_cases" GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("team", "stage") DO UPDATE SET "cases" = kept."cases" + excluded."cases";
  ELSE
    INSERT INTO "send_caseload_counts" AS kept ("team", "stage", "cases")
    SELECT "team", "stage", sum("change")::int FROM (
      SELECT "team", coalesce("stage", '') AS "stage", 1 AS "change" FROM "new_cases"
      UNION ALL
      SELECT "team", coalesce("stage", ''), -1 FROM "old_cases"
    ) AS "changes"
    GROUP BY 1, 2 HAVING sum("change") <> 0 ORDER BY 1, 2
    ON CONFLICT ("team", "stage") DO UPDATE SET "cases" = kept."cases" + excluded."cases";
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "send_caseload_counts_insert" AFTER INSERT ON "send_cases" REFERENCING NEW TABLE AS "new_cases" FOR EACH STATEMENT EXECUTE FUNCTION "send_caseload_counts_keep"();--> statement-breakpoint
CREATE TRIGGER "send_caseload_counts_update" AFTER UPDATE ON "send_cases" REFERENCING OLD TABLE AS "old_cases" NEW TABLE AS "new_cases" FOR EACH STATEMENT EXECUTE FUNCTION "send_caseload_counts_keep"();--> statement-breakpoint
CREATE TRIGGER "send_caseload_counts_delete" AFTER DELETE ON "send_cases" REFERENCING OLD TABLE AS "old_cases" FOR EACH STATEMENT EXECUTE FUNCTION "send_caseload_counts_keep"();--> statement-breakpoint
CREATE TRIGGER "send_caseload_counts_truncate" AFTER TRUNCATE ON "send_cases" FOR EACH STATEMENT EXECUTE FUNCTION "send_caseload_counts_keep"();--> statement-breakpoint
-- The cases already there.
INSERT INTO "send_caseload_counts" ("team", "stage", "cases")
SELECT "team", coalesce("stage", ''), count(*)::int FROM "send_cases" GROUP BY 1, 2;
