/**
 * `node --import tsx lib/runtime/build-cli.ts`: builds the app exactly as `npm start` would
 * (`next build`, then the stamp of the sources it was built from), and fails unless the result
 * is current. The Dockerfile's build stage runs it, so a container's `npm start` finds the build
 * current and serves at once instead of building on its first start (as a non-root user with no
 * build tools, it could not).
 */
import { ensureBuild, isBuildCurrent } from "./build";

try {
  ensureBuild({ ...process.env, NODE_ENV: "production" });
  if (!isBuildCurrent()) throw new Error("the build is not current after building: a source file changed during the build");
  process.stdout.write("Build current.\n");
} catch (error) {
  process.stderr.write(`The build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
