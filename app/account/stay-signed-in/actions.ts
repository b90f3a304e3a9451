"use server";

import { currentUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { touchSession } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";

/** "Stay signed in": marks the caller's own session as active now. False if it has already ended. */
export async function staySignedInAction(): Promise<boolean> {
  const user = await currentUser();
  if (!user) return false;
  await touchSession(getDb(), user.sessionId, now());
  return true;
}
