/**
 * What each action on a referral reads: the referral's id (anything but an id is a referral that
 * is not there) and its own fields. The response and comments are checked by lib/referrals.
 */
import { z } from "zod";
import { isUuid } from "@/lib/security/uuid";
import { INFORMATION_REASONS } from "@/lib/referrals/vocabulary";

const id = z.string().refine(isUuid);
const text = z.string().default("");

export const respondSchema = z.object({ id, response: text });

export const requestInformationSchema = z.object({
  id,
  reason: z.enum(INFORMATION_REASONS, { error: "Select why you need more information" }),
  comments: text,
});

export const closeSchema = z.object({ id });

// Teams are rows: lib/referrals checks the chosen one exists.
export const moveTeamSchema = z.object({ id, team: z.string({ error: "Select the team to move this referral to" }).trim().min(1, "Select the team to move this referral to").max(64) });

export const assignSchema = z.object({ id, assignee: z.string({ error: "Select the caseworker to assign this to" }).min(1, "Select the caseworker to assign this to").max(64) });
