import { inject } from "vitest";

// Every test file sees the settings of the services the global setup started.
Object.assign(process.env, inject("portalEnv"));
