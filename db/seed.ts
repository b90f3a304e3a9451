/**
 * Demo data for a fresh embedded database: a council, a caseworker and a referrer. Runs on
 * every start and does nothing once the council exists. Never run against a real council's
 * database (the launcher seeds only the embedded one, or when SEED_DEMO_DATA=true).
 */
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { councils, users } from "./schema";
import { hashPassword } from "@/lib/auth/password";

export const DEMO_COUNCIL_SLUG = "demo";

export const DEMO_LOGINS = [
  { role: "caseworker", forename: "Casey", surname: "Worker", email: "caseworker@demo-council.example", password: "Caseworker-demo-2026!" },
  { role: "referrer", forename: "Riley", surname: "Referrer", email: "referrer@demo-school.example", password: "Referrer-demo-2026!" },
] as const;

export async function seedDemoData(db: Db, councilName: string): Promise<"seeded" | "already-seeded"> {
  const existing = await db.select({ id: councils.id }).from(councils).where(eq(councils.slug, DEMO_COUNCIL_SLUG));
  if (existing.length > 0) return "already-seeded";
  const hashes = await Promise.all(DEMO_LOGINS.map((login) => hashPassword(login.password)));
  await db.transaction(async (tx) => {
    const [council] = await tx.insert(councils).values({ slug: DEMO_COUNCIL_SLUG, name: councilName }).returning();
    if (!council) throw new Error("council insert returned no row");
    await tx.insert(users).values(
      DEMO_LOGINS.map((login, index) => ({
        councilId: council.id,
        email: login.email,
        forename: login.forename,
        surname: login.surname,
        termsAcceptedAt: new Date(),
        role: login.role,
        passwordHash: hashes[index]!,
        emailVerifiedAt: new Date(),
      })),
    );
  });
  return "seeded";
}
