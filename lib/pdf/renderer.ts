/**
 * HTML to A4 PDF through one kept headless Chromium and a bounded pool of pages.
 *
 * The renderer never fetches: JavaScript is off in the page and every request is refused
 * except inline data: assets, so no answer typed into a form can make Chromium read a
 * file://, internal or metadata URL. Callers escape user text (the form PDF is React static markup).
 * If the browser dies it is launched again on the next render. Pages are kept between renders
 * (locked down once, when opened), since opening one costs more than most renders.
 *
 * When busy it stays fair (page-pool.ts): a person may have `perPerson` renders in hand at once,
 * and at most `queueLimit` renders wait for a page; beyond either a render is refused at once
 * ("busy") rather than queued.
 */
import puppeteer, { type Browser, type Page, type PDFOptions } from "puppeteer-core";
import { CHROMIUM_ARGS } from "./resolve-chromium";
import { isAlive } from "@/lib/runtime/is-alive";
import { portalMetrics } from "@/lib/metrics/registry";
import { PagePool, type PoolEntry, type PoolRefusal } from "./page-pool";

export type PdfRendererOptions = {
  executablePath: string;
  poolSize?: number;
  /** Renders one person may have waiting or drawing at once (unbounded when unset). */
  perPerson?: number;
  /** Renders that may wait for a page, in all (unbounded when unset). */
  queueLimit?: number;
};

export type RenderResult = { status: "rendered"; pdf: Buffer } | { status: "busy"; reason: PoolRefusal };

const A4: PDFOptions = {
  format: "A4",
  printBackground: true,
  margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
};

export class PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private readonly pool: PagePool;
  /** Pages between renders (at most the pool's size, since each render holds one). */
  private idle: Page[] = [];

  constructor(private readonly options: PdfRendererOptions) {
    this.pool = new PagePool(options.poolSize ?? 2, { perHolder: options.perPerson, maxWaiting: options.queueLimit });
  }

  /** Renders for a person (any stable id: their user id), or answers busy at once. */
  async renderFor(personId: string, html: string, options: PDFOptions = {}): Promise<RenderResult> {
    const entry = this.pool.enter(personId);
    if (entry.status === "busy") {
      portalMetrics().pdfRefused.inc({ reason: entry.reason });
      return entry;
    }
    return { status: "rendered", pdf: await this.renderWithPage(await waitForPage(entry), html, options) };
  }

  /** Renders for no one in particular (tests, the benchmark): bound only by the queue's limit. */
  async render(html: string, options: PDFOptions = {}): Promise<Buffer> {
    const entry = this.pool.enter();
    if (entry.status === "busy") {
      portalMetrics().pdfRefused.inc({ reason: entry.reason });
      throw new Error(`PDF renderer busy: ${entry.reason}`);
    }
    return this.renderWithPage(await waitForPage(entry), html, options);
  }

  private async renderWithPage(release: () => void, html: string, options: PDFOptions): Promise<Buffer> {
    const { pdfInProgress, pdfRenderDuration } = portalMetrics();
    pdfInProgress.inc();
    const stopTimer = pdfRenderDuration.startTimer();
    try {
      return await this.renderOnce(html, options);
    } catch (error) {
      // A browser that died a moment ago can still look connected: relaunch and try once more.
      if (await this.isBrowserDown()) return await this.renderOnce(html, options);
      throw error;
    } finally {
      stopTimer();
      pdfInProgress.dec();
      release();
    }
  }

  private async renderOnce(html: string, options: PDFOptions): Promise<Buffer> {
    const page = await this.idlePage();
    try {
      await page.setContent(html, { waitUntil: "load", timeout: 30_000 });
      const pdf = Buffer.from(await page.pdf({ ...A4, ...options }));
      // Kept for the next render: opening a page costs more than drawing most PDFs. The next
      // setContent replaces this document whole, and the page runs no script to keep state.
      this.idle.push(page);
      return pdf;
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
  }

  /** A page ready to render: one kept from an earlier render, or a new one locked down. */
  private async idlePage(): Promise<Page> {
    const browser = await this.connectedBrowser();
    while (this.idle.length > 0) {
      const page = this.idle.pop()!;
      if (!page.isClosed() && page.browser() === browser) return page;
    }
    const page = await browser.newPage();
    try {
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        if (request.url().startsWith("data:")) void request.continue();
        else void request.abort("blockedbyclient");
      });
      return page;
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
  }

  private async isBrowserDown(): Promise<boolean> {
    const current = await this.browser?.catch(() => undefined);
    const pid = current?.process()?.pid;
    const isProcessAlive = pid !== undefined && isAlive(pid);
    if (current?.connected && isProcessAlive) return false;
    this.browser = undefined;
    this.idle = [];
    await current?.close().catch(() => undefined);
    return true;
  }

  /** The browser's version string; launches it if needed. */
  async version(): Promise<string> {
    return (await this.connectedBrowser()).version();
  }

  /** The browser process id, for tests that check recovery from a crash. */
  async browserPid(): Promise<number | undefined> {
    return (await this.connectedBrowser()).process()?.pid;
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    this.idle = [];
    if (pending) await (await pending.catch(() => undefined))?.close().catch(() => undefined);
  }

  private async connectedBrowser(): Promise<Browser> {
    if (this.browser) {
      const current = await this.browser.catch(() => undefined);
      if (current?.connected) return current;
      this.browser = undefined;
    }
    // One launch shared by every render that arrives while it is under way.
    this.browser ??= this.launch();
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    const browser = await puppeteer.launch({
      executablePath: this.options.executablePath,
      headless: "shell",
      args: CHROMIUM_ARGS,
    });
    browser.on("disconnected", () => {
      this.browser = undefined;
      this.idle = [];
    });
    return browser;
  }
}


/** Waits for a page of the pool, counted in portal_pdf_render_queue while it waits. */
async function waitForPage(entry: Extract<PoolEntry, { status: "admitted" }>): Promise<() => void> {
  const { pdfQueue } = portalMetrics();
  pdfQueue.inc();
  try {
    return await entry.turn;
  } finally {
    pdfQueue.dec();
  }
}
