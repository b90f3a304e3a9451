import { z } from "zod";
import { isUuid } from "@/lib/security/uuid";

/** "Start" or "Continue" on an item to complete: the case and the item; anything but ids is not found. */
export const openAssignedFormSchema = z.object({ caseId: z.string().refine(isUuid), actionId: z.string().refine(isUuid) });
