import { z } from "zod";

/** "Remove" posts only the section page to go back to; anything else there goes back to the files' own section. */
export const removeAttachmentSchema = z.object({ sectionId: z.string().optional() });
