import { z } from "zod";
import { isUuid } from "@/lib/security/uuid";

/** "Withdraw" names the case and the document; anything but ids is a document that is not there. */
export const withdrawDocumentSchema = z.object({ caseId: z.string().refine(isUuid), documentId: z.string().refine(isUuid) });
