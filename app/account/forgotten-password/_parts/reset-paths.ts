/** The forgotten-password steps' addresses (safe for client components: no server imports). */
export const RESET_PATHS = {
  email: "/account/forgotten-password",
  code: "/account/forgotten-password/code",
  newPassword: "/account/forgotten-password/new-password",
  /** Back to step 1 with "Please start again", when the journey cookie has gone or lapsed. */
  restart: "/account/forgotten-password?expired=1",
  /** Where a finished reset lands; the sign-in page shows its banner for `reset=1`. */
  done: "/account/sign-in?reset=1",
} as const;
