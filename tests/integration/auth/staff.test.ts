import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { checkPassword } from "@/lib/auth/password-policy";
import { beginSignIn } from "@/lib/auth/sign-in";
import { council, db, depsAt, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";

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

  it("refuses a role that self-registration or a typo could give", async () => {
    await expect(
      run(process.execPath, ["--import", "tsx", "lib/runtime/staff-create.ts", "--email", uniqueEmail(), "--role", "referrer"], { env: toolEnv }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
