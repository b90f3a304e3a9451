import { z } from "zod";
import { isUuid } from "@/lib/security/uuid";

const text = z.string().default("");

/**
 * "Assign form": the case, the form and the due date's three boxes. lib/send checks the form and
 * the date (and says which is wrong) before it looks for the case, so the case id stays as posted.
 */
export const assignFormSchema = z.object({
  caseId: text,
  formId: text,
  "dueDate-day": text,
  "dueDate-month": text,
  "dueDate-year": text,
});

/** "Withdraw": the case and the assignment; an assignment id that is not an id is not there. */
export const withdrawFormSchema = z.object({ caseId: text, actionId: z.string().refine(isUuid) });
