"use server";

import { serverAction } from "@/app/_actions/server-action";
import { getDb } from "@/db/client";
import { touchSession } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { staySignedInSchema } from "./schemas";

/** "Stay signed in": marks the caller's own session as active now. False if it has already ended. */
export const staySignedInAction = serverAction(
  { access: "anyone", schema: staySignedInSchema, onInvalid: () => false },
  async (_input, { user }): Promise<boolean> => {
    if (!user) return false;
    await touchSession(getDb(), user.sessionId, now());
    return true;
  },
);
