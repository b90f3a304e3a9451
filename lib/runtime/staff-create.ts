/**
 * `npm run staff:create -- --email jo@council.gov.uk --role caseworker --forename Jo --surname Bloggs`
 * Creates a caseworker or admin account and prints its generated password once (over 80 bits
 * of entropy); the account must change it at first sign-in before it can use any other page.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { readLaunchSettings } from "@/lib/config/env";
import { readCouncilSettings } from "@/lib/config/council";
import { personNameSchema } from "@/lib/auth/person-name";
import { createDb } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { createStaffAccount } from "@/lib/auth/staff";
import { databaseForTool } from "./running-postgres";

const argsSchema = z.object({
  email: z.string().email("--email must be an email address"),
  role: z.enum(["caseworker", "admin"], { message: "--role must be caseworker or admin" }),
  forename: personNameSchema({ empty: "--forename must not be empty", label: "--forename", maxLength: 100 }).default("Council"),
  surname: personNameSchema({ empty: "--surname must not be empty", label: "--surname", maxLength: 100 }).default("Staff"),
});

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, forename: { type: "string" }, surname: { type: "string" } } });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues.map((i) => i.message).join("\n")}\nUsage: npm run staff:create -- --email EMAIL --role caseworker|admin [--forename NAME --surname NAME]\n`);
    process.exit(2);
  }
  const database = await databaseForTool(readLaunchSettings());
  try {
    await applyMigrations(database.url);
    const { db, close } = createDb(database.url, { max: 1 });
    try {
      const result = await createStaffAccount(db, { ...parsed.data, now: new Date(), passwordMinLength: readCouncilSettings().passwordPolicy.minLength });
      if (result.status === "exists") {
        process.stderr.write(`An account with ${parsed.data.email} already exists; nothing was changed.\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `Created ${parsed.data.role} ${parsed.data.email}.\nPassword (shown once; pass it on securely):\n  ${result.password}\nThey sign in at /account/sign-in with this password and a code emailed to them, and must then choose a new password before they can do anything else.\n`,
      );
    } finally {
      await close();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`staff:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
