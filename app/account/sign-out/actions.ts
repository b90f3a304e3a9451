"use server";

import { signOut } from "@/app/_auth/auth";
import { currentUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { signOutSession } from "@/lib/auth/sign-out";
import { now } from "@/lib/clock";

/** Logout: ends the session row (so the cookie is dead everywhere), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const user = await currentUser();
  if (user) await signOutSession(getDb(), user, now());
  await signOut({ redirectTo: "/account/signed-out" });
}
