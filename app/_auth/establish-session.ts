import "server-only";
import { SESSION_TICKET_PROVIDER, signIn } from "./auth";
import { sessionTicket } from "./journey-cookies";

/** Hands a started session row to next-auth, which sets the cookie and redirects. Throws the redirect. */
export async function establishSession(sessionId: string, redirectTo: string): Promise<never> {
  await signIn(SESSION_TICKET_PROVIDER, { ticket: sessionTicket(sessionId), redirectTo });
  throw new Error("signIn should have redirected");
}
