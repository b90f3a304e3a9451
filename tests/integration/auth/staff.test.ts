import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { staffMemberships, users } from "@/db/schema";
import { changePassword } from "@/lib/auth/passwords";
import { checkPassword } from "@/lib/auth/password-policy";
import { resumeSession, sessionLimitsFor } from "@/lib/auth/sessions";
import { beginSignIn, completeSignIn } from "@/lib/auth/sign-in";
import { staffPasswordEntropyBits } from "@/lib/auth/staff";
import { council, db, depsAt, ensureCouncil, latestCodeTo, uniqueEmail } from "@/tests/support/auth-fixture";

const run = promisify(execFile);
const toolEnv = { PATH: process.env.PATH ?? "", DATABASE_URL: process.env.DATABASE_URL ?? "", NODE_ENV: "test" } as const;

beforeAll(ensureCouncil);

describe("npm run staff:create", () => {
  it("creates a caseworker whose printed password meets the policy and signs in", async () => {
    const email = uniqueEmail("caseworker");
    const { stdout } = await run(process.execPath, ["--import", "tsx", "lib/runtime/staff-create.ts", "--email", email, "--role", "caseworker", "--forename", "Casey", "--surname", "Jones"], { env: toolEnv });
    const password = stdout.split("\n").find((line) => line.startsWith("  "))?.trim() ?? "";
    expect(checkPassword(password, council.passwordPolicy)).toEqual([]);
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ role: "caseworker", forename: "Casey" });
    expect(await beginSignIn(depsAt(new Date(), null), { email, password })).toMatchObject({ status: "code-sent" });
  });

  it("prints a password of at least 80 bits that must be changed at first sign-in, and changing it clears that", async () => {
    const email = uniqueEmail("admin");
    const { stdout } = await run(process.execPath, ["--import", "tsx", "lib/runtime/staff-create.ts", "--email", email, "--role", "admin"], { env: toolEnv });
    const password = stdout.split("\n").find((line) => line.startsWith("  "))?.trim() ?? "";
    expect(password).toMatch(/^([A-Za-z2-9]{5}-){3}[A-Za-z2-9]{5}$/);
    expect(staffPasswordEntropyBits(council.passwordPolicy.minLength)).toBeGreaterThanOrEqual(80);
    expect(stdout).toContain("must then choose a new password");
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user?.mustChangePassword).toBe(true);

    const now = new Date();
    const begun = await beginSignIn(depsAt(now, null), { email, password });
    if (begun.status !== "code-sent") throw new Error(`expected a code, got ${begun.status}`);
    const signedIn = await completeSignIn(depsAt(now, null), { userId: begun.userId, code: await latestCodeTo(email) });
    if (signedIn.status !== "signed-in") throw new Error(`expected a session, got ${signedIn.status}`);
    expect(await resumeSession(db, signedIn.sessionId, sessionLimitsFor(council), now)).toMatchObject({ mustChangePassword: true });

    const changed = await changePassword(depsAt(now, null), { userId: begun.userId, current: password, next: "copper lantern orchard rain" });
    if (changed.status !== "changed") throw new Error(`expected a change, got ${changed.status}`);
    expect(await resumeSession(db, changed.sessionId, sessionLimitsFor(council), now)).toMatchObject({ mustChangePassword: false });
  });

  it("refuses a name carrying control or text-direction characters", async () => {
    await expect(
      run(process.execPath, ["--import", "tsx", "lib/runtime/staff-create.ts", "--email", uniqueEmail(), "--role", "caseworker", "--forename", "Jo\u202Eeno"], { env: toolEnv }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("--forename must not include hidden formatting characters") });
  });

  it("gives a team manager or caseworker a role in each --team, and an admin the council admin role with no team", async () => {
    const staffCreate = (...args: string[]) => run(process.execPath, ["--import", "tsx", "lib/runtime/staff-create.ts", ...args], { env: toolEnv });
    const membershipsOf = async (email: string) => {
      const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
      const rows = await db.select({ teamId: staffMemberships.teamId, role: staffMemberships.role }).from(staffMemberships).where(eq(staffMemberships.userId, user!.id));
      return { account: user!.role, memberships: rows.sort((a, b) => String(a.teamId).localeCompare(String(b.teamId))) };
    };
    const manager = uniqueEmail("manager");
    const { stdout } = await staffCreate("--email", manager, "--role", "team-manager", "--team", "lado", "--team", "early-help");
    expect(stdout).toContain("(teams: lado, early-help)");
    expect(await membershipsOf(manager)).toEqual({
      account: "caseworker",
      memberships: [
        { teamId: "early-help", role: "team-manager" },
        { teamId: "lado", role: "team-manager" },
      ],
    });
    const admin = uniqueEmail("admin");
    await staffCreate("--email", admin, "--role", "admin");
    expect(await membershipsOf(admin)).toEqual({ account: "admin", memberships: [{ teamId: null, role: "admin" }] });

    // An admin in a team, or a team that does not exist: refused, nothing made; an address already used: refused.
    const refused = [uniqueEmail("refused"), uniqueEmail("refused")];
    await expect(staffCreate("--email", refused[0]!, "--role", "admin", "--team", "lado")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("a council admin belongs to no team") });
    await expect(staffCreate("--email", refused[1]!, "--role", "caseworker", "--team", "no-such-team")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('there is no team "no-such-team"') });
    for (const email of refused) expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    await expect(staffCreate("--email", admin, "--role", "admin")).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
  });

  it("refuses a role that self-registration or a typo could give", async () => {
    await expect(
      run(process.execPath, ["--import", "tsx", "lib/runtime/staff-create.ts", "--email", uniqueEmail(), "--role", "referrer"], { env: toolEnv }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
