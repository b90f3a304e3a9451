import "server-only";
import { getDb } from "@/db/client";
import { createReferralMailer } from "@/emails/referral-mailer";
import { now } from "@/lib/clock";
import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import { jobSender } from "@/lib/jobs/boss";
import type { ReferralDeps } from "@/lib/referrals/deps";
import { getStorage } from "@/lib/storage";

/** What lib/referrals needs, for the current request (or API call, at its own `at`). */
export function referralDeps(at: Date = now()): ReferralDeps {
  return { db: getDb(), now: at, mail: createReferralMailer(jobSender(), councilSettings().name, appSettings().APP_URL), storage: getStorage() };
}
