import "server-only";
import { getDb } from "@/db/client";
import { createDraftMailer } from "@/emails/draft-mailer";
import { now } from "@/lib/clock";
import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import type { SectionSaveDeps } from "@/lib/drafts/deps";
import { jobSender } from "@/lib/jobs/boss";

/** What a section save needs (lib/drafts/save-section.ts), for the current request. */
export function sectionSaveDeps(): SectionSaveDeps {
  return { db: getDb(), now: now(), mail: createDraftMailer(jobSender(), councilSettings().name), appUrl: appSettings().APP_URL };
}
