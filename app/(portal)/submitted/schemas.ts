import { z } from "zod";
import { isUuid } from "@/lib/referrals/staff";

/** "Add info" names the submission and nothing else; anything but an id is one that is not there. */
export const addInfoSchema = z.object({ submissionId: z.string().refine(isUuid) });
