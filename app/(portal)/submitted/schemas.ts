import { z } from "zod";
import { isUuid } from "@/lib/security/uuid";

/** "Add info" names the submission and nothing else; anything but an id is one that is not there. */
export const addInfoSchema = z.object({ submissionId: z.string().refine(isUuid) });
