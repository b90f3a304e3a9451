import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { saveRegistrationDetails, setRegistrationCredentials, verifyRegistration, type RegistrationDetails } from "@/lib/auth/register";
import { findAccountDetails, updateAccountDetails } from "@/lib/auth/update-account";
import { db, depsAt, ensureCouncil, latestCodeTo, uniqueEmail } from "@/tests/support/auth-fixture";

const t0 = new Date("2026-11-23T12:00:00Z");

async function registeredUser(details: RegistrationDetails): Promise<string> {
  const email = uniqueEmail("update");
  const { registrationId } = await saveRegistrationDetails(depsAt(t0), { details });
  await setRegistrationCredentials(depsAt(t0), { registrationId, email, password: "Correct-Horse-9-Battery" });
  const verified = await verifyRegistration(depsAt(t0), { registrationId, code: await latestCodeTo(email) });
  if (verified.status !== "verified") throw new Error("registration failed");
  return verified.userId;
}

const rowOf = async (userId: string) => (await db.select().from(users).where(eq(users.id, userId)))[0];

const teacher: RegistrationDetails = {
  forename: "Sam",
  surname: "Jones",
  isProfessional: true,
  organisation: "Wigan High School",
  jobRole: "Teacher",
  houseNumber: "12",
  street: "High Street",
  town: "Wigan",
  postcode: "WN1 1AA",
};

beforeAll(ensureCouncil);

describe("updating account details", () => {
  it("changes only the signed-in user's row", async () => {
    const userA = await registeredUser(teacher);
    const userB = await registeredUser({ ...teacher, forename: "Bea", surname: "Brown" });
    const before = { a: await rowOf(userA), b: await rowOf(userB) };

    const moved: RegistrationDetails = {
      forename: "Samantha",
      surname: "Jones-Smith",
      isProfessional: false,
      // Typed while ticked, then unticked: must not be kept.
      organisation: "Old School",
      jobRole: "Old Role",
      propertyName: "Rose Cottage",
      street: "Low Road",
      area: "Pemberton",
      postcode: "WN5 9AB",
    };
    await updateAccountDetails(db, userA, moved);

    const after = { a: await rowOf(userA), b: await rowOf(userB) };
    expect(after.b).toEqual(before.b);
    expect(after.a).toEqual({
      ...before.a,
      forename: "Samantha",
      surname: "Jones-Smith",
      isProfessional: false,
      organisation: null,
      jobRole: null,
      propertyName: "Rose Cottage",
      houseNumber: null,
      street: "Low Road",
      area: "Pemberton",
      town: null,
      postcode: "WN5 9AB",
    });
    // Email, password and the rest of the account are untouched.
    expect(after.a?.email).toBe(before.a?.email);
    expect(after.a?.passwordHash).toBe(before.a?.passwordHash);

    expect(await findAccountDetails(db, userA)).toEqual({ ...moved, organisation: undefined, jobRole: undefined });
    expect(await findAccountDetails(db, userB)).toEqual({ ...teacher, forename: "Bea", surname: "Brown" });
  });

  it("reads back a professional's details as registration gave them", async () => {
    const userId = await registeredUser(teacher);
    expect(await findAccountDetails(db, userId)).toEqual(teacher);
  });

  it("finds nothing and updates nothing for an id with no account", async () => {
    const nobody = randomUUID();
    expect(await findAccountDetails(db, nobody)).toBeNull();
    await expect(updateAccountDetails(db, nobody, teacher)).rejects.toThrow("no such user");
  });
});
