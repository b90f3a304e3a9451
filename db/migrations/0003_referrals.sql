-- pg_trgm backs the inbox's "name contains" search. It is a trusted extension: the database owner
-- may create it without being a superuser (the embedded database's user is both).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."team" AS ENUM('early-help', 'social-care', 'lado', 'send');--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "resubmission_of" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "team" "team" DEFAULT 'social-care' NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "people_names" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "previous_submission_id" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "response" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
-- Forms sent before this migration: their team from the form's service, their names for the search.
UPDATE "submissions" SET
	"team" = CASE WHEN "definition"->>'service' IN ('early-help', 'social-care', 'lado', 'send') THEN ("definition"->>'service')::"team" ELSE 'social-care'::"team" END,
	"people_names" = coalesce((
		SELECT string_agg(lower(regexp_replace(trim(coalesce(p->>'forename', '') || ' ' || coalesce(p->>'surname', '')), '\s+', ' ', 'g')), ' | ' ORDER BY o)
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof("people") = 'array' THEN "people" ELSE '[]'::jsonb END) WITH ORDINALITY AS t(p, o)
	), '');--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_events_submission_at_idx" ON "referral_events" USING btree ("submission_id","at");--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_resubmission_of_submissions_id_fk" FOREIGN KEY ("resubmission_of") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_previous_submission_id_submissions_id_fk" FOREIGN KEY ("previous_submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_status_submitted_idx" ON "submissions" USING btree ("status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "submissions_team_status_submitted_idx" ON "submissions" USING btree ("team","status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "submissions_form_status_submitted_idx" ON "submissions" USING btree ("form_id","status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "submissions_previous_idx" ON "submissions" USING btree ("previous_submission_id");--> statement-breakpoint
CREATE INDEX "submissions_reference_prefix_idx" ON "submissions" USING btree ("reference" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "submissions_people_names_trgm_idx" ON "submissions" USING gin ("people_names" gin_trgm_ops);