CREATE TABLE "inbox_search" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"status" "submission_status" NOT NULL,
	"team" text NOT NULL,
	"form_id" text NOT NULL,
	"names" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "submissions_people_names_submitted_trgm_idx";--> statement-breakpoint
DROP INDEX "submissions_people_names_response_posted_trgm_idx";--> statement-breakpoint
DROP INDEX "submissions_people_names_more_information_requested_trgm_idx";--> statement-breakpoint
DROP INDEX "submissions_people_names_resubmitted_trgm_idx";--> statement-breakpoint
DROP INDEX "submissions_people_names_closed_trgm_idx";--> statement-breakpoint
-- The inbox's search rows (db/schema/submissions.ts, inbox_search): statement triggers with
-- transition tables copy each statement's new rows, drop its deleted ones, and for an update
-- replace only the rows whose searched columns changed (a response or an assignment changes none),
-- in the statement's own transaction. The statements that join the changed rows to inbox_search
-- are EXECUTEd, so each is planned for its own number of rows: a cached plan made for a bulk
-- delete (a scan of the whole table) would otherwise serve every later one-row change.
CREATE FUNCTION "inbox_search_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE "inbox_search";
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    EXECUTE 'DELETE FROM "inbox_search" AS s USING old_rows AS o WHERE s.submission_id = o.id';
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE 'DELETE FROM "inbox_search" AS s USING old_rows AS o WHERE s.submission_id = o.id
      AND NOT EXISTS (SELECT 1 FROM new_rows AS n WHERE n.id = o.id
        AND (n.submitted_at, n.status, n.team, n.form_id, n.people_names) = (o.submitted_at, o.status, o.team, o.form_id, o.people_names))';
    INSERT INTO "inbox_search" (submission_id, submitted_at, status, team, form_id, names)
      SELECT n.id, n.submitted_at, n.status, n.team, n.form_id, n.people_names FROM new_rows AS n
      WHERE NOT EXISTS (SELECT 1 FROM old_rows AS o WHERE o.id = n.id
        AND (n.submitted_at, n.status, n.team, n.form_id, n.people_names) = (o.submitted_at, o.status, o.team, o.form_id, o.people_names));
  ELSE
    INSERT INTO "inbox_search" (submission_id, submitted_at, status, team, form_id, names)
      SELECT id, submitted_at, status, team, form_id, people_names FROM new_rows;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "submissions_inbox_search_insert" AFTER INSERT ON "submissions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "inbox_search_keep"();--> statement-breakpoint
CREATE TRIGGER "submissions_inbox_search_update" AFTER UPDATE ON "submissions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "inbox_search_keep"();--> statement-breakpoint
CREATE TRIGGER "submissions_inbox_search_delete" AFTER DELETE ON "submissions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "inbox_search_keep"();--> statement-breakpoint
CREATE TRIGGER "submissions_inbox_search_truncate" AFTER TRUNCATE ON "submissions" FOR EACH STATEMENT EXECUTE FUNCTION "inbox_search_keep"();--> statement-breakpoint
-- Backfilled after the triggers exist (creating them locked submissions against writes until this
-- migration commits, so no row is copied twice or missed), and indexed after the backfill: built
-- once, not entry by entry.
INSERT INTO "inbox_search" (submission_id, submitted_at, status, team, form_id, names) SELECT id, submitted_at, status, team, form_id, people_names FROM "submissions";--> statement-breakpoint
CREATE INDEX "inbox_search_names_submitted_trgm_idx" ON "inbox_search" USING gin ("names" gin_trgm_ops) WHERE status = 'submitted';--> statement-breakpoint
CREATE INDEX "inbox_search_names_response_posted_trgm_idx" ON "inbox_search" USING gin ("names" gin_trgm_ops) WHERE status = 'response-posted';--> statement-breakpoint
CREATE INDEX "inbox_search_names_more_information_requested_trgm_idx" ON "inbox_search" USING gin ("names" gin_trgm_ops) WHERE status = 'more-information-requested';--> statement-breakpoint
CREATE INDEX "inbox_search_names_resubmitted_trgm_idx" ON "inbox_search" USING gin ("names" gin_trgm_ops) WHERE status = 'resubmitted';--> statement-breakpoint
CREATE INDEX "inbox_search_names_closed_trgm_idx" ON "inbox_search" USING gin ("names" gin_trgm_ops) WHERE status = 'closed';
