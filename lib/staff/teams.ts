/** The council's teams as data: the seeded ones, and reading the table for labels and choices. */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { teams } from "@/db/schema";

/** A teams row's id ("social-care", "early-help", "lado", "send", or one a council adds). */
export type TeamId = string;

/** The teams every council starts with (the migration inserts the same rows). */
export const SEEDED_TEAMS = [
  { id: "social-care", name: "Front Door / MASH" },
  { id: "early-help", name: "Early Help" },
  { id: "lado", name: "LADO" },
  { id: "send", name: "SEND Assessment" },
] as const satisfies readonly { id: TeamId; name: string }[];

export type Team = { id: TeamId; name: string };

/** Every team, by name. */
export function listTeams(db: Pick<DbOrTx, "select">): Promise<Team[]> {
  return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
}

/** Whether a team with this id exists. */
export async function teamExists(db: Pick<DbOrTx, "select">, id: unknown): Promise<boolean> {
  if (typeof id !== "string" || id.length === 0 || id.length > 64) return false;
  return (await db.select({ id: teams.id }).from(teams).where(eq(teams.id, id))).length > 0;
}

/** id → name, for lists that show a team; an unknown id shows as itself. */
export function teamNamer(all: readonly Team[]): (id: TeamId) => string {
  const names = new Map(all.map((team) => [team.id, team.name]));
  return (id) => names.get(id) ?? id;
}
