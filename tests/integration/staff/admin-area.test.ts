/**
 * The council admin area (issue 16 point 3), on the real database and outbox: an admin invites a
 * staff member by email; the link lets that person choose their own password (no password is
 * ever emailed) and the account gets the teams and role the admin chose; an admin changes teams
 * and role, disables an account (its sessions end at their next request and sign-in is refused)
 * and enables it again. None of it works for anyone but a council admin, whatever they call.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { councils, sessions, staffInvitations, users } from "@/db/schema";
import { beginSignIn, completeSignIn } from "@/lib/auth/sign-in";
import { resumeSession } from "@/lib/auth/sessions";
import { myTeams } from "@/lib/staff/memberships";
import { activateStaffAccount, cancelStaffInvitation, inviteStaff, openInvitation } from "@/lib/staff/invitations";
import { disableStaff, enableStaff, listStaff, openStaffInvitations, setStaffAccess, staffMember } from "@/lib/staff/people";
import { db, depsAt, emailsTo, ensureCouncil, latestCodeTo, minutesLater, uniqueEmail } from "@/tests/support/auth-fixture";
import { joinTeams } from "@/tests/support/staff-teams";

const t0 = new Date("2029-03-01T09:00:00Z");
const PASSWORD = "Lantern-Harbour-73-Quilt";
const LIMITS = { idleMinutes: 30, maxHours: 12 };

type Person = { userId: string; name: string };

async function aStaffAccount(surname: string, teams: string[], { isAdmin = false } = {}): Promise<Person> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail(surname.toLowerCase()), role: isAdmin ? "admin" : "caseworker", passwordHash: "not-used", forename: "Test", surname })
    .returning({ id: users.id });
  await joinTeams(user!.id, teams, "caseworker", { isAdmin });
  return { userId: user!.id, name: `Test ${surname}` };
}

/** The activation link's token, read from the newest email to the address, as the person would. */
async function tokenEmailedTo(email: string): Promise<string> {
  const [newest] = await emailsTo(email);
  const token = newest?.text?.match(/\/account\/activate\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no activation link in the newest email to ${email}`);
  return token;
}

const linkFor = (token: string) => `https://portal.example/account/activate/${token}`;

/** Invites, activates and signs in a new staff member through the real steps; returns their ids. */
async function invitedAndActivated(admin: Person, memberships: Parameters<typeof inviteStaff>[2]["memberships"], at: Date) {
  const email = uniqueEmail("invited");
  const invited = await inviteStaff(depsAt(at), admin, { email, forename: "Ivy", surname: "Newstarter", memberships }, linkFor);
  expect(invited.status).toBe("invited");
  const activated = await activateStaffAccount(depsAt(minutesLater(at, 1)), await tokenEmailedTo(email), PASSWORD);
  if (activated.status !== "activated") throw new Error(`activation failed: ${activated.status}`);
  return { email, userId: activated.userId };
}

async function signedIn(email: string, at: Date): Promise<string> {
  const begun = await beginSignIn(depsAt(at), { email, password: PASSWORD });
  if (begun.status !== "code-sent") throw new Error(`sign-in refused: ${begun.status}`);
  const done = await completeSignIn(depsAt(at), { userId: begun.userId, code: await latestCodeTo(email) });
  if (done.status !== "signed-in") throw new Error(`code refused: ${done.status}`);
  return done.sessionId;
}

let admin: Person;
let caseworker: Person;

beforeAll(async () => {
  await ensureCouncil();
  admin = await aStaffAccount("Adminperson", [], { isAdmin: true });
  caseworker = await aStaffAccount("Caseworker", ["early-help"]);
});

describe("inviting a staff member", () => {
  it("emails a link, never a password; the person chooses their own and gets the teams and role chosen", async () => {
    const email = uniqueEmail("lado-manager");
    const result = await inviteStaff(depsAt(t0), admin, { email, forename: "Lee", surname: "Lado", memberships: [{ teamId: "lado", role: "team-manager" }] }, linkFor);
    expect(result.status).toBe("invited");
    const [mail] = await emailsTo(email);
    expect(mail?.subject).toBe("Set up your Children's Portal staff account");
    expect(mail?.text).toContain("https://portal.example/account/activate/");
    expect(mail?.text).not.toMatch(/password:/i);
    // No account exists until the person sets it up.
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);

    const token = await tokenEmailedTo(email);
    expect(await openInvitation(db, process.env.AUTH_SECRET!, token, minutesLater(t0, 5))).toMatchObject({ email, forename: "Lee" });
    // The policy holds on this page too: a weak password is refused and nothing is made.
    expect(await activateStaffAccount(depsAt(minutesLater(t0, 5)), token, "password")).toMatchObject({ status: "policy" });
    const activated = await activateStaffAccount(depsAt(minutesLater(t0, 6)), token, PASSWORD);
    expect(activated.status).toBe("activated");
    if (activated.status !== "activated") return;
    const [user] = await db.select().from(users).where(eq(users.id, activated.userId));
    expect(user).toMatchObject({ role: "caseworker", mustChangePassword: false });
    expect(user?.emailVerifiedAt).not.toBeNull();
    expect(await myTeams(db, { userId: activated.userId })).toEqual([{ id: "lado", name: "LADO", role: "team-manager" }]);

    // The link is single use; the first sign-in is password and emailed code, like every other.
    expect(await activateStaffAccount(depsAt(minutesLater(t0, 7)), token, PASSWORD)).toEqual({ status: "link-invalid" });
    expect(await signedIn(email, minutesLater(t0, 8))).toMatch(/[0-9a-f-]{36}/);
  });

  it("refuses an address that already has an account, and an invitation with no role", async () => {
    const [existing] = await db.select({ email: users.email }).from(users).where(eq(users.id, caseworker.userId));
    expect(await inviteStaff(depsAt(t0), admin, { email: existing!.email.toUpperCase(), forename: "A", surname: "B", memberships: [{ teamId: "lado", role: "caseworker" }] }, linkFor)).toEqual({ status: "exists" });
    expect(await inviteStaff(depsAt(t0), admin, { email: uniqueEmail(), forename: "A", surname: "B", memberships: [] }, linkFor)).toEqual({ status: "no-role" });
    expect(await inviteStaff(depsAt(t0), admin, { email: uniqueEmail(), forename: "A", surname: "B", memberships: [{ teamId: "no-such-team", role: "caseworker" }] }, linkFor)).toEqual({ status: "unknown-team" });
  });

  it("a second invitation replaces the first; a withdrawn or expired link does not work", async () => {
    const email = uniqueEmail("twice");
    const input = { email, forename: "Tam", surname: "Twice", memberships: [{ teamId: "send", role: "caseworker" as const }] };
    await inviteStaff(depsAt(t0), admin, input, linkFor);
    const first = await tokenEmailedTo(email);
    const second = await inviteStaff(depsAt(minutesLater(t0, 1)), admin, input, linkFor);
    const secondToken = await tokenEmailedTo(email);
    expect(first).not.toBe(secondToken);
    expect(await openInvitation(db, process.env.AUTH_SECRET!, first, minutesLater(t0, 2))).toBeNull();
    expect(await openInvitation(db, process.env.AUTH_SECRET!, secondToken, minutesLater(t0, 2))).not.toBeNull();
    // Seven days, then gone.
    expect(await openInvitation(db, process.env.AUTH_SECRET!, secondToken, minutesLater(t0, 7 * 24 * 60 + 2))).toBeNull();
    expect((await openStaffInvitations(db, admin, minutesLater(t0, 2))).map((row) => row.email)).toContain(email);

    if (second.status !== "invited") throw new Error("expected an invitation");
    expect(await cancelStaffInvitation(depsAt(minutesLater(t0, 3)), admin, second.invitationId)).toBe("cancelled");
    expect(await activateStaffAccount(depsAt(minutesLater(t0, 4)), secondToken, PASSWORD)).toEqual({ status: "link-invalid" });
    expect((await openStaffInvitations(db, admin, minutesLater(t0, 4))).map((row) => row.email)).not.toContain(email);
  });

  it("two posts of one link make one account", async () => {
    const email = uniqueEmail("double");
    await inviteStaff(depsAt(t0), admin, { email, forename: "Dee", surname: "Double", memberships: [{ teamId: "send", role: "caseworker" }] }, linkFor);
    const token = await tokenEmailedTo(email);
    const results = await Promise.all([activateStaffAccount(depsAt(t0), token, PASSWORD), activateStaffAccount(depsAt(t0), token, PASSWORD)]);
    expect(results.map((result) => result.status).sort()).toEqual(["activated", "link-invalid"]);
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});

describe("only a council admin manages staff", () => {
  it("a caseworker can invite nobody, list nobody and change nobody, whatever they call", async () => {
    const email = uniqueEmail("forged");
    expect(await inviteStaff(depsAt(t0), caseworker, { email, forename: "F", surname: "G", memberships: [{ teamId: "lado", role: "team-manager" }] }, linkFor)).toEqual({ status: "forbidden" });
    expect(await emailsTo(email)).toHaveLength(0);
    expect(await listStaff(db, caseworker)).toEqual([]);
    expect(await staffMember(db, caseworker, admin.userId)).toBeNull();
    expect(await openStaffInvitations(db, caseworker, t0)).toEqual([]);
    // Giving themselves LADO, or disabling the admin, changes nothing.
    expect(await setStaffAccess(depsAt(t0), caseworker, caseworker.userId, [{ teamId: "lado", role: "team-manager" }])).toBe("not-found");
    expect(await disableStaff(depsAt(t0), caseworker, admin.userId)).toBe("not-found");
    expect(await myTeams(db, caseworker)).toEqual([{ id: "early-help", name: "Early Help", role: "caseworker" }]);
    const [row] = await db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, admin.userId));
    expect(row?.disabledAt).toBeNull();
    const invitations = await db.select().from(staffInvitations).where(eq(staffInvitations.createdBy, caseworker.userId));
    expect(invitations).toHaveLength(0);
  });
});

describe("teams and role, disable and enable", () => {
  it("lists staff with their teams and last sign-in, and changes teams and role from the next query", async () => {
    const person = await invitedAndActivated(admin, [{ teamId: "early-help", role: "caseworker" }], t0);
    await signedIn(person.email, minutesLater(t0, 10));
    const listed = (await listStaff(db, admin)).find((row) => row.id === person.userId);
    expect(listed).toMatchObject({ email: person.email, memberships: [{ teamId: "early-help", role: "caseworker" }], disabledAt: null });
    expect(listed?.lastSignInAt?.toISOString()).toBe(minutesLater(t0, 10).toISOString());

    expect(await setStaffAccess(depsAt(t0), admin, person.userId, [{ teamId: "send", role: "team-manager" }, { teamId: null, role: "admin" }])).toBe("changed");
    expect(await myTeams(db, { userId: person.userId })).toEqual([{ id: "send", name: "SEND Assessment", role: "team-manager" }]);
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, person.userId));
    expect(row?.role).toBe("admin");
    expect(await setStaffAccess(depsAt(t0), admin, person.userId, [])).toBe("no-role");
  });

  it("an admin cannot take away their own admin role or disable themselves", async () => {
    expect(await setStaffAccess(depsAt(t0), admin, admin.userId, [{ teamId: "lado", role: "caseworker" }])).toBe("own-admin-role");
    expect(await disableStaff(depsAt(t0), admin, admin.userId)).toBe("self");
  });

  it("disabling ends every session at its next request and refuses sign-in; enabling lets them back", async () => {
    const person = await invitedAndActivated(admin, [{ teamId: "lado", role: "caseworker" }], t0);
    const sessionA = await signedIn(person.email, minutesLater(t0, 2));
    const sessionB = await signedIn(person.email, minutesLater(t0, 3));
    expect(await resumeSession(db, sessionA, LIMITS, minutesLater(t0, 4))).not.toBeNull();

    expect(await disableStaff(depsAt(minutesLater(t0, 5)), admin, person.userId)).toBe("disabled");
    expect(await resumeSession(db, sessionA, LIMITS, minutesLater(t0, 6))).toBeNull();
    expect(await resumeSession(db, sessionB, LIMITS, minutesLater(t0, 6))).toBeNull();
    const ended = await db.select({ endReason: sessions.endReason }).from(sessions).where(eq(sessions.userId, person.userId));
    expect(ended.map((row) => row.endReason)).toEqual(["disabled", "disabled"]);
    // The right password is told the account is disabled; a wrong one learns nothing.
    expect(await beginSignIn(depsAt(minutesLater(t0, 7)), { email: person.email, password: PASSWORD })).toEqual({ status: "disabled" });
    expect(await beginSignIn(depsAt(minutesLater(t0, 7)), { email: person.email, password: "Wrong-Password-123" })).toEqual({ status: "invalid" });
    expect((await staffMember(db, admin, person.userId))?.disabledAt).not.toBeNull();

    expect(await enableStaff(depsAt(minutesLater(t0, 8)), admin, person.userId)).toBe("enabled");
    expect(await signedIn(person.email, minutesLater(t0, 9))).toMatch(/[0-9a-f-]{36}/);
  });

  it("a code sent before the account was disabled no longer signs in", async () => {
    const person = await invitedAndActivated(admin, [{ teamId: "lado", role: "caseworker" }], t0);
    const begun = await beginSignIn(depsAt(minutesLater(t0, 2)), { email: person.email, password: PASSWORD });
    if (begun.status !== "code-sent") throw new Error("expected a code");
    await disableStaff(depsAt(minutesLater(t0, 3)), admin, person.userId);
    expect(await completeSignIn(depsAt(minutesLater(t0, 4)), { userId: begun.userId, code: await latestCodeTo(person.email) })).toEqual({ status: "cancelled" });
  });
});
