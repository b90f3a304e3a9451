"use server";

import { signOut } from "@/app/_auth/auth";
import { serverAction } from "@/app/_actions/server-action";
import { getDb } from "@/db/client";
import { signOutSession } from "@/lib/auth/sign-out";
import { now } from "@/lib/clock";
import { signOutSchema } from "./schemas";

/** Logout: ends the session row (so the cookie is dead everywhere), then clears the cookie. */
export const signOutAction = serverAction(
  { access: "anyone", schema: signOutSchema, onInvalid: () => undefined },
  async (_input, { user }): Promise<void> => {
    if (user) await signOutSession(getDb(), user, now());
    await signOut({ redirectTo: "/account/signed-out" });
  },
);
