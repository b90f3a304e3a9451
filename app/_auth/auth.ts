import "server-only";
/**
 * next-auth, used for what it is good at: a signed, encrypted session cookie. The cookie holds
 * only the id of a server-side session row (lib/auth/sessions.ts); that row decides whether the
 * session is live, so logout, a password change, a reset or a lockout end it everywhere.
 *
 * The one provider takes a short-lived ticket that our own sign-in steps (password, then the
 * emailed code) hand over once they have started the session row.
 *
 * next-auth writes the cookie (signIn) and clears it (signOut). Pages and actions read it without
 * next-auth's per-request session action (lib/auth/session-cookie.ts, through current-user.ts).
 */
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { appSettings } from "@/lib/config/env";
import { isServedOverHttps } from "@/lib/security/https";
import { councilSettings } from "@/lib/config/council";
import { readToken } from "@/lib/auth/signed-token";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { now } from "@/lib/clock";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

export const SESSION_TICKET_PROVIDER = "session-ticket";

export const { handlers, signIn, signOut } = NextAuth(() => {
  const settings = appSettings();
  const isHttps = isServedOverHttps(settings.APP_URL);
  return {
    secret: settings.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: isHttps,
    // The cookie may outlive the idle time; the session row is what expires (idle, or at the
    // council's maximum after sign-in). The cookie lasts no longer than that maximum either.
    session: { strategy: "jwt", maxAge: councilSettings().sessionMaxHours * 60 * 60 },
    pages: { signIn: "/account/sign-in", error: "/account/sign-in" },
    providers: [
      Credentials({
        id: SESSION_TICKET_PROVIDER,
        credentials: { ticket: {} },
        authorize(credentials) {
          const sessionId = readToken(settings.AUTH_SECRET, "session-ticket", String(credentials?.ticket ?? ""), now());
          return sessionId ? { id: sessionId, sessionId } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.sessionId) token.sid = user.sessionId;
        return token;
      },
      session({ session, token }) {
        return { ...session, sessionId: typeof token.sid === "string" ? token.sid : undefined };
      },
    },
    cookies: {
      sessionToken: {
        name: sessionCookieName(isHttps),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: isHttps },
      },
    },
  };
});

/** The idle time, for the session check and the warning dialog. */
export const idleMinutes = () => councilSettings().idleTimeoutMinutes;
