import type { Db } from "@/db/client";
import type { CouncilSettings } from "@/lib/config/council";
import type { AccountMailer } from "./mail-port";
import { DEFAULT_CODE_POLICY, type CodePolicy } from "./codes";

/** What every account function needs: passed in, so tests can use a real DB and a fixed time. */
export type AuthDeps = {
  db: Db;
  mail: AccountMailer;
  now: Date;
  secret: string;
  council: CouncilSettings;
  ip?: string | null;
};

export function codePolicyFor(council: CouncilSettings): CodePolicy {
  return { ...DEFAULT_CODE_POLICY, length: council.codeLength, lifetimeMinutes: council.codeLifetimeMinutes };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
