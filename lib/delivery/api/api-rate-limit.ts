/** The pull API's rate limit per key (authenticate.ts), in a module of its own so the OpenAPI document can name it without reaching for server code. */
import type { ThrottleRule } from "@/lib/auth/throttle";

/** Per key: 300 calls a minute, enough to page through a backlog, not enough to hammer. */
export const API_RATE_LIMIT: ThrottleRule = { limit: 300, windowSeconds: 60 };
