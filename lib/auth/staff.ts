/**
 * Council staff accounts (caseworkers, team managers, admins) are never self-registered. A council
 * admin invites them from /staff/admin, and they choose their own password on the invitation's
 * link (lib/staff/invitations.ts). Here is the other way, for whoever runs the portal (the first
 * admin, an emergency): `npm run staff:create` makes the account with its teams and role
 * (staff_memberships) and a generated password that meets every policy rule; it is shown once,
 * to be passed on, and the account must change it at first sign-in (users.must_change_password;
 * app/_auth/current-user.ts keeps them to that page).
 */
import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { councils, passwordHistory, users } from "@/db/schema";
import { invalid, type Done, type Invalid } from "@/lib/result";
import { setMemberships, type Membership } from "@/lib/staff/memberships";
import type { StaffRole } from "@/lib/staff/roles";
import { teamExists } from "@/lib/staff/teams";
import { hashPassword } from "./password";
import { recordAudit } from "./audit";
import { normaliseEmail } from "./deps";

/** Letters and digits nobody confuses when reading aloud or copying: no 0/O/o, 1/I/l. */
export const STAFF_PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
const GROUP_LENGTH = 5;
const MIN_GROUPS = 4;

/** Groups of five for a policy's minimum length (with the dashes between them). */
export const staffPasswordGroups = (minLength = 0) => Math.max(MIN_GROUPS, Math.ceil((minLength + 1) / (GROUP_LENGTH + 1)));

/**
 * Bits of entropy of a generated password: each character is drawn uniformly with crypto's
 * randomInt, so 20 characters from 56 give 20 × log2(56) ≈ 116 bits (the redraw below, for a
 * password missing a character type, costs well under one bit). At least 80 bits is the aim.
 */
export const staffPasswordEntropyBits = (minLength = 0) => staffPasswordGroups(minLength) * GROUP_LENGTH * Math.log2(STAFF_PASSWORD_ALPHABET.length);

const hasEveryType = (text: string) => /[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text);

/**
 * Random groups joined with dashes ("Xk7pQ-2mQrv-9vLtH-Hw3zA"): well over 80 bits, meets every
 * composition rule (the dashes are its special characters), and easy to read out or type.
 */
export function generateStaffPassword(minLength = 0): string {
  const length = staffPasswordGroups(minLength) * GROUP_LENGTH;
  for (;;) {
    const chars = Array.from({ length }, () => STAFF_PASSWORD_ALPHABET[randomInt(STAFF_PASSWORD_ALPHABET.length)]!).join("");
    if (!hasEveryType(chars)) continue;
    return chars.match(new RegExp(`.{${GROUP_LENGTH}}`, "g"))!.join("-");
  }
}

/** What staff:create gives an account: a council admin (no team), or a role in each of `teams`. */
export function membershipsFor(role: StaffRole, teams: readonly string[]): Membership[] {
  if (role === "admin") return [{ teamId: null, role: "admin" }];
  return [...new Set(teams)].map((teamId) => ({ teamId, role }));
}

/** Made (with the password to pass on), or refused: `team` for the teams given, `email` for an address already taken. */
export type CreateStaffResult = Done<{ userId: string; password: string }> | Invalid;

export async function createStaffAccount(
  db: DbOrTx,
  input: { email: string; role: StaffRole; teams?: readonly string[]; forename: string; surname: string; now: Date; passwordMinLength?: number },
): Promise<CreateStaffResult> {
  const teams = input.teams ?? [];
  if (input.role === "admin" && teams.length > 0) return invalid("team", "a council admin belongs to no team: leave out --team (an admin opens no case record)");
  for (const team of teams) if (!(await teamExists(db, team))) return invalid("team", `there is no team "${team}"`);
  const existing = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${normaliseEmail(input.email)}`);
  if (existing.length > 0) return invalid("email", `An account with ${input.email} already exists`);
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  if (!council) throw new Error("no council is set up: start the portal once first");
  const password = generateStaffPassword(input.passwordMinLength);
  const passwordHash = await hashPassword(password);
  // The account and its teams in one transaction: never an account without its memberships.
  const userId = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ councilId: council.id, email: input.email.trim(), role: input.role === "admin" ? "admin" : "caseworker", passwordHash, forename: input.forename, surname: input.surname, emailVerifiedAt: input.now, termsAcceptedAt: input.now, mustChangePassword: true })
      .returning({ id: users.id });
    if (!user) throw new Error("user insert returned no row");
    await tx.insert(passwordHistory).values({ userId: user.id, passwordHash, createdAt: input.now });
    await setMemberships(tx, user.id, membershipsFor(input.role, teams));
    await recordAudit(tx, "registered", { userId: user.id }, input.now);
    return user.id;
  });
  return { status: "done", userId, password };
}

