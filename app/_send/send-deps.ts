import "server-only";
import { getDb } from "@/db/client";
import { createSendMailer } from "@/emails/send-mailer";
import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import { jobSender } from "@/lib/jobs/boss";
import { now } from "@/lib/clock";
import type { SendDeps } from "@/lib/send/deps";

/** What lib/send needs, for the current request. */
export function sendDeps(): SendDeps {
  const council = councilSettings();
  const settings = appSettings();
  return { db: getDb(), mail: createSendMailer(jobSender(), council.name), now: now(), secret: settings.AUTH_SECRET, council, appUrl: settings.APP_URL };
}

