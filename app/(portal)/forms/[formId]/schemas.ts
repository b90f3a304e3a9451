import { z } from "zod";
import { startableFormById } from "@/lib/forms/catalogue";
import { peopleFields } from "../../drafts/_engine/schemas";

/** A form that can be started, by its id; any other id is refused (the actions go home). */
const startableForm = z.string().transform((formId, ctx) => {
  const definition = startableFormById(formId);
  if (!definition) {
    ctx.addIssue({ code: "custom", message: "There is no such form" });
    return z.NEVER;
  }
  return definition;
});

/** "Who is this about?" names the form, who is completing it and the button; the people are read by the engine (peopleStep). */
export const startFormSchema = z.object({ formId: startableForm, ...peopleFields }).transform(({ formId, ...choice }) => ({ definition: formId, ...choice }));

/** "Continue" after signing in: the form only; the names are in the visitor's pending-form cookie. */
export const continuePendingFormSchema = z.object({ formId: startableForm }).transform(({ formId }) => ({ definition: formId }));
