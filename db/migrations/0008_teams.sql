CREATE TYPE "public"."staff_role" AS ENUM('caseworker', 'team-manager', 'admin');--> statement-breakpoint
CREATE TABLE "staff_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"team_id" text,
	"role" "staff_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_memberships_admin_has_no_team" CHECK (("staff_memberships"."role" = 'admin') = ("staff_memberships"."team_id" is null))
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The seeded teams, with the ids the old "team" enum had, so every referral keeps its team.
INSERT INTO "teams" ("id", "name") VALUES ('social-care', 'Front Door / MASH'), ('early-help', 'Early Help'), ('lado', 'LADO'), ('send', 'SEND Assessment') ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "team" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "team" SET DATA TYPE text USING "team"::text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "send_cases" ADD COLUMN "team" text DEFAULT 'send' NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD CONSTRAINT "staff_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD CONSTRAINT "staff_memberships_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_memberships_user_team_idx" ON "staff_memberships" USING btree ("user_id",coalesce("team_id", ''));--> statement-breakpoint
CREATE INDEX "staff_memberships_team_idx" ON "staff_memberships" USING btree ("team_id","role");--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_team_teams_id_fk" FOREIGN KEY ("team") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_cases" ADD CONSTRAINT "send_cases_team_teams_id_fk" FOREIGN KEY ("team") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_assigned_idx" ON "submissions" USING btree ("assigned_to");--> statement-breakpoint
CREATE INDEX "send_cases_team_idx" ON "send_cases" USING btree ("team");--> statement-breakpoint
DROP TYPE "public"."team";--> statement-breakpoint
-- Staff who were here before teams keep what they could do: a caseworker works every team, an
-- admin becomes an admin and a team manager of every team. A council reviews these before go-live.
INSERT INTO "staff_memberships" ("user_id", "team_id", "role")
SELECT "users"."id", "teams"."id", CASE WHEN "users"."role" = 'admin' THEN 'team-manager'::staff_role ELSE 'caseworker'::staff_role END
FROM "users" CROSS JOIN "teams" WHERE "users"."role" IN ('caseworker', 'admin');--> statement-breakpoint
INSERT INTO "staff_memberships" ("user_id", "team_id", "role") SELECT "id", NULL, 'admin' FROM "users" WHERE "role" = 'admin';