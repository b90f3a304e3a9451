import { redirect } from "next/navigation";
import { authDeps } from "@/app/_auth/auth-deps";
import { currentUser } from "@/app/_auth/current-user";
import { readJourney } from "@/app/_auth/journey-cookies";
import { findRegistration } from "@/lib/auth/register";
import { REGISTER_PATHS, journeyPath } from "./journey-path";

/**
 * The registration this browser is part-way through, for steps 2 and 3. Someone signed in goes
 * to their account; a browser with no registration (never started, or expired) goes to step 1.
 */
export async function openRegistration(returnTo: string) {
  if (await currentUser()) redirect("/account");
  const registrationId = await readJourney("registration");
  const deps = await authDeps();
  const registration = registrationId ? await findRegistration(deps, registrationId) : null;
  if (!registration) redirect(journeyPath(REGISTER_PATHS.details, returnTo));
  return { deps, registration };
}
