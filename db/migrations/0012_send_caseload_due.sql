ALTER TABLE "send_cases" ADD COLUMN "stage" text;--> statement-breakpoint
ALTER TABLE "send_cases" ADD COLUMN "next_due" date;--> statement-breakpoint
CREATE INDEX "send_cases_caseload_idx" ON "send_cases" USING btree ("team","next_due","request_date","number");--> statement-breakpoint
CREATE INDEX "send_cases_caseload_stage_idx" ON "send_cases" USING btree ("team","stage","next_due","request_date","number");--> statement-breakpoint
CREATE INDEX "send_cases_stage_unknown_idx" ON "send_cases" USING btree ("team") WHERE "send_cases"."stage" is null;