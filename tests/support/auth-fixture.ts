/**
 * Account functions wired to the real embedded database and the real outbox, with a clock the
 * test sets. Codes are read back from the emails in the outbox, as a person reads their mail.
 */
import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { createDb } from "@/db/client";
import { councils, mailOutbox } from "@/db/schema";
import { createAccountMailer } from "@/emails/account-mailer";
import { readCouncilSettings } from "@/lib/config/council";
import type { AuthDeps } from "@/lib/auth/deps";
import { executorFor } from "@/lib/jobs/sql-executor";

export const { db, close: closeDb } = createDb(process.env.DATABASE_URL!, { max: 4 });
const sender = new PgBoss({ db: executorFor(db), supervise: false, schedule: false, migrate: false });
export const council = readCouncilSettings({});

export async function ensureCouncil(): Promise<void> {
  const existing = await db.select().from(councils).limit(1);
  if (existing.length === 0) await db.insert(councils).values({ slug: "test", name: council.name });
}

export function depsAt(now: Date, ip: string | null = "203.0.113.7"): AuthDeps {
  return { db, now, ip, secret: process.env.AUTH_SECRET!, council, mail: createAccountMailer(sender, council.name) };
}

export const uniqueEmail = (label = "person") => `${label}.${randomUUID().slice(0, 8)}@example.org`;

export async function emailsTo(address: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address)).orderBy(desc(mailOutbox.createdAt));
}

/** The code in the newest email to this address. */
export async function latestCodeTo(address: string): Promise<string> {
  const [newest] = await emailsTo(address);
  const code = newest?.text?.match(/\b(\d{8})\b/)?.[1];
  if (!code) throw new Error(`no code in the newest email to ${address}`);
  return code;
}

export const minutesLater = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

/** A registered referrer who has accepted the terms, made through the real registration steps. */
export async function registeredAccount(at: Date, { password = "Correct-Horse-9-Battery", label = "person", ip = "203.0.113.7" as string | null } = {}) {
  const { acceptTerms, saveRegistrationDetails, setRegistrationCredentials, verifyRegistration } = await import("@/lib/auth/register");
  const email = uniqueEmail(label);
  const deps = depsAt(at, ip);
  const { registrationId } = await saveRegistrationDetails(deps, { details: { forename: "Robin", surname: "Tester", isProfessional: false, street: "4 Mill Lane", postcode: "DY2 2BB" } });
  await setRegistrationCredentials(deps, { registrationId, email, password });
  const verified = await verifyRegistration(deps, { registrationId, code: await latestCodeTo(email) });
  if (verified.status !== "verified") throw new Error(`registration failed: ${verified.status}`);
  await acceptTerms(deps, verified.userId);
  return { email, password, userId: verified.userId };
}
