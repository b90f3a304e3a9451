import { z } from "zod";

/** "Stay signed in" is called with no arguments: the session it keeps is the caller's own. */
export const staySignedInSchema = z.object({});
