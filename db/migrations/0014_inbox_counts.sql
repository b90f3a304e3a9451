CREATE TABLE "inbox_counts" (
	"team" text NOT NULL,
	"form_id" text NOT NULL,
	"status" "submission_status" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "inbox_counts_team_status_form_id_pk" PRIMARY KEY("team","status","form_id")
);
--> statement-breakpoint
DROP INDEX "submissions_form_status_submitted_idx";--> statement-breakpoint
DROP INDEX "submissions_people_names_trgm_idx";--> statement-breakpoint
CREATE INDEX "submissions_team_form_status_submitted_idx" ON "submissions" USING btree ("team","form_id","status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "submissions_people_names_submitted_trgm_idx" ON "submissions" USING gin ("people_names" gin_trgm_ops) WHERE status = 'submitted';--> statement-breakpoint
CREATE INDEX "submissions_people_names_response_posted_trgm_idx" ON "submissions" USING gin ("people_names" gin_trgm_ops) WHERE status = 'response-posted';--> statement-breakpoint
CREATE INDEX "submissions_people_names_more_information_requested_trgm_idx" ON "submissions" USING gin ("people_names" gin_trgm_ops) WHERE status = 'more-information-requested';--> statement-breakpoint
CREATE INDEX "submissions_people_names_resubmitted_trgm_idx" ON "submissions" USING gin ("people_names" gin_trgm_ops) WHERE status = 'resubmitted';--> statement-breakpoint
CREATE INDEX "submissions_people_names_closed_trgm_idx" ON "submissions" USING gin ("people_names" gin_trgm_ops) WHERE status = 'closed';--> statement-breakpoint
-- The kept counts (db/schema/submissions.ts, inbox_counts): statement triggers with transition
-- tables add each statement's rows per (team, form, status) and take away the rows it changed or
-- deleted, in the statement's own transaction. Rows are upserted in key order, so two transactions
-- lock the same counts in the same order.
CREATE FUNCTION "inbox_counts_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO inbox_counts AS c (team, form_id, status, n)
      SELECT team, form_id, status, count(*)::int FROM new_rows GROUP BY team, form_id, status ORDER BY team, status, form_id
      ON CONFLICT (team, status, form_id) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO inbox_counts AS c (team, form_id, status, n)
      SELECT team, form_id, status, -count(*)::int FROM old_rows GROUP BY team, form_id, status ORDER BY team, status, form_id
      ON CONFLICT (team, status, form_id) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO inbox_counts AS c (team, form_id, status, n)
      SELECT team, form_id, status, sum(d)::int FROM (
        SELECT team, form_id, status, 1 AS d FROM new_rows
        UNION ALL
        SELECT team, form_id, status, -1 AS d FROM old_rows
      ) AS changed
      GROUP BY team, form_id, status HAVING sum(d) <> 0 ORDER BY team, status, form_id
      ON CONFLICT (team, status, form_id) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "inbox_counts_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inbox_counts;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "submissions_inbox_counts_insert" AFTER INSERT ON "submissions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "inbox_counts_add"();--> statement-breakpoint
CREATE TRIGGER "submissions_inbox_counts_update" AFTER UPDATE ON "submissions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "inbox_counts_add"();--> statement-breakpoint
CREATE TRIGGER "submissions_inbox_counts_delete" AFTER DELETE ON "submissions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "inbox_counts_add"();--> statement-breakpoint
CREATE TRIGGER "submissions_inbox_counts_truncate" AFTER TRUNCATE ON "submissions" FOR EACH STATEMENT EXECUTE FUNCTION "inbox_counts_clear"();--> statement-breakpoint
-- Backfilled after the triggers exist: creating them locked submissions against writes until this
-- migration commits, so no row is counted twice or missed.
INSERT INTO "inbox_counts" (team, form_id, status, n) SELECT team, form_id, status, count(*)::int FROM "submissions" GROUP BY team, form_id, status;
