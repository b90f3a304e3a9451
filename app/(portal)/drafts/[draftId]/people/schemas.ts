import { z } from "zod";
import { draftIdField, revisionField } from "../../_engine/schemas";

/** The draft and the revision the page was drawn from; the names are read by the engine (peopleStep). */
export const updatePeopleSchema = z.object({ draftId: draftIdField, revision: revisionField });
