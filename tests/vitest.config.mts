import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside a React Server Components bundle; tests are server code.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    reporters: ["default", ["json", { outputFile: "tests/.reports/vitest.json" }]],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/integration-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The launcher test builds the app; run files one at a time to keep 2 cores calm.
          fileParallelism: false,
        },
      },
    ],
  },
});
