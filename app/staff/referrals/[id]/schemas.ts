/**
 * What each action on a referral reads: the referral's id (anything but an id is a referral that
 * is not there) and its own fields. The response and comments are checked by lib/referrals.
 */
import { z } from "zod";
import { isUuid } from "@/lib/referrals/staff";
import { INFORMATION_REASONS, TEAMS } from "@/lib/referrals/vocabulary";

const id = z.string().refine(isUuid);
const text = z.string().default("");

export const respondSchema = z.object({ id, response: text });

export const requestInformationSchema = z.object({
  id,
  reason: z.enum(INFORMATION_REASONS, { error: "Select why you need more information" }),
  comments: text,
});

export const closeSchema = z.object({ id });

export const moveTeamSchema = z.object({ id, team: z.enum(TEAMS, { error: "Select the team to move this referral to" }) });
