import { z } from "zod";

/** Logout posts nothing: who is signing out comes from the session, never the form. */
export const signOutSchema = z.object({});
