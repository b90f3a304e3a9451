import { z } from "zod";
import { draftIdField } from "../../_engine/schemas";

/** Cancel names the draft and nothing else; whose it is comes from the session. */
export const cancelDraftSchema = z.object({ draftId: draftIdField });
