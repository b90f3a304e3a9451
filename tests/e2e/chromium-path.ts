// Prints the Chromium the portal itself would use, for Playwright's launch options.
import { resolveChromium } from "@/lib/pdf/resolve-chromium";

resolveChromium(process.env.CHROMIUM_PATH || undefined).then(
  (chromium) => process.stdout.write(chromium.path),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
