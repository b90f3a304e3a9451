/** A registration step's address, carrying where the person was going (already checked by safeReturnTo). */
export function journeyPath(path: string, returnTo: string): string {
  return `${path}?returnTo=${encodeURIComponent(returnTo)}`;
}

export const REGISTER_PATHS = {
  details: "/account/register",
  credentials: "/account/register/email",
  code: "/account/register/code",
  terms: "/account/register/terms",
} as const;
