import "server-only";
import { z } from "zod";
import { clearJourney, readJourney, setJourney } from "@/app/_auth/journey-cookies";
import type { Audience, Person } from "@/lib/forms/types";

/**
 * A form a visitor has started without an account (guide 002; 003 section 4): the people it is
 * about and who they are completing it as, in a signed cookie, until they sign in or register
 * and come back to it. Two hours is time enough to register.
 */
const PENDING_MINUTES = 120;

const pendingSchema = z.object({
  formId: z.string(),
  people: z.array(z.object({ id: z.string(), forename: z.string(), surname: z.string() })),
  completingAs: z.enum(["young-person", "parent", "professional"]),
});

export type PendingForm = { formId: string; people: Person[]; completingAs: Audience };

export async function keepPendingForm(pending: PendingForm): Promise<void> {
  await setJourney("pending-form", JSON.stringify(pending), PENDING_MINUTES);
}

/** The visitor's pending form, if it is for this form. */
export async function readPendingForm(formId: string): Promise<PendingForm | null> {
  const token = await readJourney("pending-form");
  if (!token) return null;
  try {
    const pending = pendingSchema.parse(JSON.parse(token));
    return pending.formId === formId ? pending : null;
  } catch {
    return null;
  }
}

export async function forgetPendingForm(): Promise<void> {
  await clearJourney("pending-form");
}
