import { z } from "zod";
import { draftIdField, peopleFields, revisionField } from "../../_engine/schemas";

/** The draft and the revision the page was drawn from, who is completing it and the button; the names are read by the engine (peopleStep). */
export const updatePeopleSchema = z.object({ draftId: draftIdField, revision: revisionField, ...peopleFields });
