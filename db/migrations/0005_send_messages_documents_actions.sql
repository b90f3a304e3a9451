CREATE TYPE "public"."send_message_type" AS ENUM('assessment', 'annual-review', 'school-placement', 'general');--> statement-breakpoint
CREATE TABLE "send_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"form_id" text NOT NULL,
	"due_date" date,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" uuid NOT NULL,
	"draft_id" uuid,
	"submission_id" uuid,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "send_actions_draft_id_unique" UNIQUE("draft_id")
);
--> statement-breakpoint
CREATE TABLE "send_document_downloads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "send_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"object_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"document_date" date NOT NULL,
	"description" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	CONSTRAINT "send_documents_object_key_unique" UNIQUE("object_key")
);
--> statement-breakpoint
CREATE TABLE "send_message_reads" (
	"message_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "send_message_reads_message_id_user_id_pk" PRIMARY KEY("message_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "send_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"case_id" uuid NOT NULL,
	"from_user_id" uuid NOT NULL,
	"from_family" boolean NOT NULL,
	"type" "send_message_type" NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"reply_to_id" uuid,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "send_actions" ADD CONSTRAINT "send_actions_case_id_send_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."send_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_actions" ADD CONSTRAINT "send_actions_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_actions" ADD CONSTRAINT "send_actions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_actions" ADD CONSTRAINT "send_actions_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_document_downloads" ADD CONSTRAINT "send_document_downloads_document_id_send_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."send_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_document_downloads" ADD CONSTRAINT "send_document_downloads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_documents" ADD CONSTRAINT "send_documents_case_id_send_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."send_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_documents" ADD CONSTRAINT "send_documents_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_documents" ADD CONSTRAINT "send_documents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_message_reads" ADD CONSTRAINT "send_message_reads_message_id_send_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."send_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_message_reads" ADD CONSTRAINT "send_message_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_messages" ADD CONSTRAINT "send_messages_case_id_send_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."send_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_messages" ADD CONSTRAINT "send_messages_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "send_actions_case_idx" ON "send_actions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "send_document_downloads_document_idx" ON "send_document_downloads" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "send_documents_case_idx" ON "send_documents" USING btree ("case_id","published_at");--> statement-breakpoint
CREATE INDEX "send_message_reads_user_idx" ON "send_message_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "send_messages_case_idx" ON "send_messages" USING btree ("case_id","sent_at");