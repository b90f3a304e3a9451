/**
 * Update Account: the details a person gave at registration step 1 (name, professional
 * capacity, address), read from and written to their own users row only. The email address
 * and password have journeys of their own and are never touched here.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import type { RegistrationDetails } from "./register";

/** The user's details as the registration form holds them; blank columns come back as undefined. */
export async function findAccountDetails(db: DbOrTx, userId: string): Promise<RegistrationDetails | null> {
  const [row] = await db
    .select({
      forename: users.forename,
      surname: users.surname,
      isProfessional: users.isProfessional,
      organisation: users.organisation,
      jobRole: users.jobRole,
      propertyName: users.propertyName,
      houseNumber: users.houseNumber,
      street: users.street,
      area: users.area,
      town: users.town,
      postcode: users.postcode,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  return {
    forename: row.forename,
    surname: row.surname,
    isProfessional: row.isProfessional,
    organisation: row.organisation ?? undefined,
    jobRole: row.jobRole ?? undefined,
    propertyName: row.propertyName ?? undefined,
    houseNumber: row.houseNumber ?? undefined,
    // Required at registration, but nullable columns (staff accounts may have no address).
    street: row.street ?? "",
    area: row.area ?? undefined,
    town: row.town ?? undefined,
    postcode: row.postcode ?? "",
  };
}

/** Replaces the user's details. Organisation and Role are cleared when not professional. */
/** A person's details as users columns; Organisation and Role only for professional use. */
export function userColumnsFrom(details: RegistrationDetails) {
  const { isProfessional } = details;
  return {
    forename: details.forename,
    surname: details.surname,
    isProfessional,
    organisation: isProfessional ? (details.organisation ?? null) : null,
    jobRole: isProfessional ? (details.jobRole ?? null) : null,
    propertyName: details.propertyName ?? null,
    houseNumber: details.houseNumber ?? null,
    street: details.street,
    area: details.area ?? null,
    town: details.town ?? null,
    postcode: details.postcode,
  };
}

export async function updateAccountDetails(db: DbOrTx, userId: string, details: RegistrationDetails): Promise<void> {
  const updated = await db
    .update(users)
    .set(userColumnsFrom(details))
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  // A signed-in user always has a row; no row means a caller passed the wrong id.
  if (updated.length !== 1) throw new Error("no such user");
}
