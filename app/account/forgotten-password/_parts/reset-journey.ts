import "server-only";
import { clearJourney, readJourney, setJourney } from "@/app/_auth/journey-cookies";

/**
 * Where a password reset has got to, in the signed "reset-password" journey cookie. Before the
 * code it holds the subject the code was issued for (a user id, or a random id for an address
 * with no account); after a good code it holds "verified:" + that id, which is the only thing
 * that lets step 3 set a password. Nothing the browser posts names the user.
 */
const JOURNEY_MINUTES = 15;
const VERIFIED = "verified:";

export type ResetJourney = { stage: "code"; subjectId: string } | { stage: "new-password"; userId: string };

export async function readResetJourney(): Promise<ResetJourney | null> {
  const value = await readJourney("reset-password");
  if (!value) return null;
  if (value.startsWith(VERIFIED)) return { stage: "new-password", userId: value.slice(VERIFIED.length) };
  return { stage: "code", subjectId: value };
}

export const startResetJourney = (subjectId: string) => setJourney("reset-password", subjectId, JOURNEY_MINUTES);

export const markResetCodeChecked = (userId: string) => setJourney("reset-password", `${VERIFIED}${userId}`, JOURNEY_MINUTES);

export const endResetJourney = () => clearJourney("reset-password");
