CREATE TYPE "public"."send_access_status" AS ENUM('pending', 'active', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."send_day_one_rule" AS ENUM('request-day', 'day-after');--> statement-breakpoint
CREATE TYPE "public"."send_invitation_status" AS ENUM('awaiting-verification', 'verified', 'accepted', 'declined', 'locked', 'cancelled');--> statement-breakpoint
CREATE TABLE "send_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"invitation_id" uuid,
	"status" "send_access_status" NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "send_case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_date" date NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE TABLE "send_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"council_id" uuid NOT NULL,
	"child_forename" text NOT NULL,
	"child_surname" text NOT NULL,
	"child_date_of_birth" date NOT NULL,
	"child_name" text NOT NULL,
	"request_date" date NOT NULL,
	"requestor_name" text NOT NULL,
	"requestor_relationship" text NOT NULL,
	"requestor_email" text NOT NULL,
	"caseworker_id" uuid NOT NULL,
	"team_contact" text NOT NULL,
	"day_one_rule" "send_day_one_rule" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "send_cases_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "send_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"email" text NOT NULL,
	"status" "send_invitation_status" NOT NULL,
	"code_hash" text NOT NULL,
	"code_expires_at" timestamp with time zone NOT NULL,
	"wrong_codes" integer DEFAULT 0 NOT NULL,
	"verified_at" timestamp with time zone,
	"link_hash" text,
	"link_expires_at" timestamp with time zone,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "send_access" ADD CONSTRAINT "send_access_case_id_send_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."send_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_access" ADD CONSTRAINT "send_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_access" ADD CONSTRAINT "send_access_invitation_id_send_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."send_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_case_events" ADD CONSTRAINT "send_case_events_case_id_send_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."send_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_case_events" ADD CONSTRAINT "send_case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_cases" ADD CONSTRAINT "send_cases_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_cases" ADD CONSTRAINT "send_cases_caseworker_id_users_id_fk" FOREIGN KEY ("caseworker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_cases" ADD CONSTRAINT "send_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_invitations" ADD CONSTRAINT "send_invitations_case_id_send_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."send_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_invitations" ADD CONSTRAINT "send_invitations_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_invitations" ADD CONSTRAINT "send_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "send_access_case_user_idx" ON "send_access" USING btree ("case_id","user_id");--> statement-breakpoint
CREATE INDEX "send_access_user_idx" ON "send_access" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "send_case_events_case_idx" ON "send_case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "send_cases_caseworker_idx" ON "send_cases" USING btree ("caseworker_id");--> statement-breakpoint
CREATE INDEX "send_cases_child_name_trgm_idx" ON "send_cases" USING gin ("child_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "send_invitations_case_idx" ON "send_invitations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "send_invitations_claimed_idx" ON "send_invitations" USING btree ("claimed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "send_invitations_link_hash_idx" ON "send_invitations" USING btree ("link_hash");