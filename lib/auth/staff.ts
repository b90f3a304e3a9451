/**
 * Council staff accounts (caseworkers, admins) are made by an administrator from the command
 * line, never by self-registration. The account gets a generated password that meets every
 * policy rule; it is shown once, to be passed on and changed at first sign-in.
 */
import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { councils, passwordHistory, users } from "@/db/schema";
import { hashPassword } from "./password";
import { recordAudit } from "./audit";
import { normaliseEmail } from "./deps";

export type StaffRole = "caseworker" | "admin";

const WORDS = ["harbour", "lantern", "meadow", "copper", "orchard", "willow", "granite", "falcon", "thistle", "beacon", "saffron", "quarry"];

/** Four words, digits and a symbol, with capitals: long, policy-proof and readable aloud. */
export function generateStaffPassword(): string {
  const pick = () => WORDS[randomInt(WORDS.length)]!;
  const words = [pick(), pick(), pick(), pick()].map((word, index) => (index % 2 === 0 ? word[0]!.toUpperCase() + word.slice(1) : word));
  return `${words.join("-")}-${randomInt(10, 100)}!`;
}

export async function createStaffAccount(
  db: DbOrTx,
  input: { email: string; role: StaffRole; forename: string; surname: string; now: Date },
): Promise<{ status: "created"; userId: string; password: string } | { status: "exists" }> {
  const existing = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${normaliseEmail(input.email)}`);
  if (existing.length > 0) return { status: "exists" };
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  if (!council) throw new Error("no council is set up: start the portal once first");
  const password = generateStaffPassword();
  const passwordHash = await hashPassword(password);
  const [user] = await db
    .insert(users)
    .values({ councilId: council.id, email: input.email.trim(), role: input.role, passwordHash, forename: input.forename, surname: input.surname, emailVerifiedAt: input.now, termsAcceptedAt: input.now })
    .returning({ id: users.id });
  if (!user) throw new Error("user insert returned no row");
  await db.insert(passwordHistory).values({ userId: user.id, passwordHash, createdAt: input.now });
  await recordAudit(db, "registered", { userId: user.id }, input.now);
  return { status: "created", userId: user.id, password };
}

