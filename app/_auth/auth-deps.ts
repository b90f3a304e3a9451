import "server-only";
import { clientAddress } from "@/app/_security/client-address";
import { getDb } from "@/db/client";
import { createAccountMailer } from "@/emails/account-mailer";
import type { AuthDeps } from "@/lib/auth/deps";
import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import { jobSender } from "@/lib/jobs/boss";
import { now } from "@/lib/clock";

/** What lib/auth needs, for the current request (its time and the caller's IP address). */
export async function authDeps(): Promise<AuthDeps> {
  const council = councilSettings();
  return {
    db: getDb(),
    mail: createAccountMailer(jobSender(), council.name),
    now: now(),
    secret: appSettings().AUTH_SECRET,
    council,
    ip: await clientAddress(),
  };
}
