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

// Only for app/staff/send/[caseId]/page.tsx, being split on another branch (issue 20): the
// caller's address is clientAddress() (app/_security/client-address.ts); drop this once it uses that.
export { clientAddress as callerIp } from "@/app/_security/client-address";
