/**
 * `npm run staff:create -- --email jo@council.gov.uk --role caseworker --team early-help --team lado --forename Jo --surname Bloggs`
 * Creates a staff account (a council admin, or a caseworker or team manager of each --team) and
 * prints its generated password once (over 80 bits of entropy); the account must change it at
 * first sign-in before it can use any other page. The first admin of a council is made this way.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { readLaunchSettings } from "@/lib/config/env";
import { readCouncilSettings } from "@/lib/config/council";
import { personNameSchema } from "@/lib/auth/person-name";
import { createDb } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { createStaffAccount } from "@/lib/auth/staff";
import { STAFF_ROLES } from "@/lib/staff/roles";
import { databaseForTool } from "./running-postgres";

const argsSchema = z.object({
  email: z.string().email("--email must be an email address"),
  role: z.enum(STAFF_ROLES, { message: "--role must be admin, team-manager or caseworker" }),
  team: z.array(z.string().min(1)).default([]),
  forename: personNameSchema({ empty: "--forename must not be empty", label: "--forename", maxLength: 100 }).default("Council"),
  surname: personNameSchema({ empty: "--surname must not be empty", label: "--surname", maxLength: 100 }).default("Staff"),
});

/** Returns the exit code: 0 made, 1 the address is taken, 2 the arguments are wrong. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, team: { type: "string", multiple: true }, forename: { type: "string" }, surname: { type: "string" } } });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues.map((i) => i.message).join("\n")}\nUsage: npm run staff:create -- --email EMAIL --role admin|team-manager|caseworker [--team TEAM-ID ...] [--forename NAME --surname NAME]\n(a team-manager or caseworker works the teams named, one --team each, e.g. --team early-help --team lado; an admin takes none)\n`);
    process.exit(2);
  }
  const database = await databaseForTool(readLaunchSettings());
  try {
    await applyMigrations(database.url);
    const { db, close } = createDb(database.url, { max: 1 });
    try {
      const { team: teams, ...account } = parsed.data;
      const result = await createStaffAccount(db, { ...account, teams, now: new Date(), passwordMinLength: readCouncilSettings().passwordPolicy.minLength });
      if (result.status === "invalid") {
        for (const message of Object.values(result.errors)) process.stderr.write(`${message}; nothing was changed.\n`);
        return "email" in result.errors ? 1 : 2;
      }
      process.stdout.write(
        `Created ${parsed.data.role} ${parsed.data.email}${teams.length > 0 ? ` (teams: ${teams.join(", ")})` : parsed.data.role === "admin" ? "" : " (no team yet: they see no referrals or cases until they are given one)"}.\nPassword (shown once; pass it on securely):\n  ${result.password}\nThey sign in at /account/sign-in with this password and a code emailed to them, and must then choose a new password before they can do anything else.\n`,
      );
      return 0;
    } finally {
      await close();
    }
  } finally {
    await database.stop();
  }
}

// Exit with the code explicitly: an exit hook of the embedded database's library would otherwise end the process with 0.
main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`staff:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
