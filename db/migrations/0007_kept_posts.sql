CREATE TABLE "kept_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid,
	"user_id" uuid NOT NULL,
	"browser_hash" text NOT NULL,
	"iv" text NOT NULL,
	"tag" text NOT NULL,
	"ciphertext" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "kept_posts" ADD CONSTRAINT "kept_posts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kept_posts_user_idx" ON "kept_posts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "kept_posts_expires_idx" ON "kept_posts" USING btree ("expires_at");