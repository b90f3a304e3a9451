/** Entry point for `npm start` (production build) and `npm run dev` (Next.js dev server). */
import { runPortal, type PortalMode } from "./portal";

const mode = (process.argv[2] ?? "start") as PortalMode;
if (mode !== "start" && mode !== "dev") {
  process.stderr.write(`Unknown mode "${mode}": use start or dev.\n`);
  process.exit(2);
}

runPortal(mode).catch((error: unknown) => {
  process.stderr.write(`The portal could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
