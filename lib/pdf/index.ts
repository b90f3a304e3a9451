import { appSettings } from "@/lib/config/env";
import { PdfRenderer } from "./renderer";
import { resolveChromium } from "./resolve-chromium";

export { PdfRenderer } from "./renderer";
export { escapeHtml } from "./escape-html";

let shared: Promise<PdfRenderer> | undefined;

/** The app's one renderer: one browser, a pool of PDF_PAGE_POOL pages. */
export function getPdfRenderer(): Promise<PdfRenderer> {
  shared ??= (async () => {
    const settings = appSettings();
    const chromium = await resolveChromium(settings.CHROMIUM_PATH);
    return new PdfRenderer({ executablePath: chromium.path, poolSize: settings.PDF_PAGE_POOL });
  })();
  return shared;
}
