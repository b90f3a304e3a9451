import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import { PdfRenderer } from "./renderer";
import { resolveChromium } from "./resolve-chromium";

export { PdfRenderer, type RenderResult } from "./renderer";
export { escapeHtml } from "./escape-html";

let shared: Promise<PdfRenderer> | undefined;

/**
 * The app's one renderer: one browser, a pool of PDF_PAGE_POOL pages, at most
 * COUNCIL_PDF_PER_PERSON renders per person and COUNCIL_PDF_QUEUE waiting (per process).
 */
export function getPdfRenderer(): Promise<PdfRenderer> {
  shared ??= (async () => {
    const settings = appSettings();
    const chromium = await resolveChromium(settings.CHROMIUM_PATH);
    const council = councilSettings();
    return new PdfRenderer({ executablePath: chromium.path, poolSize: settings.PDF_PAGE_POOL, perPerson: council.pdfPerPerson, queueLimit: council.pdfQueue });
  })();
  return shared;
}
