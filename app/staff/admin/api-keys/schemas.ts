/**
 * What the API keys page's forms accept (beside actions.ts, since a "use server" file exports only
 * actions). The name and teams are checked by lib/delivery/api/api-keys.ts, which says what is
 * wrong in words; here they are only read as text.
 */
import { z } from "zod";

const teamList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((team) => team.length > 0 && team.length <= 64));

export const createKeySchema = z.object({ name: z.string().default(""), teams: teamList });

export const revokeKeySchema = z.object({ keyId: z.uuid("That API key could not be found") });
