import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PdfRenderer, escapeHtml } from "@/lib/pdf";

async function readPdf(pdf: Buffer): Promise<{ pages: number; text: string[] }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const text: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    text.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return { pages: document.numPages, text };
}

const threePages = ["Who is this about?", "Reasons for referral", "Declaration"]
  .map((title, index) => `<section style="page-break-after: ${index < 2 ? "always" : "auto"}"><h1>${title}</h1><p>Section ${index + 1} of 3</p></section>`)
  .join("");

let renderer: PdfRenderer;
let probe: Server;
let probeHits = 0;

beforeAll(async () => {
  renderer = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH!, poolSize: 2 });
  probe = createServer((_request, response) => {
    probeHits += 1;
    response.end("fetched");
  });
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await renderer.close();
  await new Promise((resolve) => probe.close(resolve));
});

describe("HTML to PDF with headless Chromium", () => {
  it("renders a three-page A4 document whose pages carry the text", async () => {
    const pdf = await renderer.render(`<!doctype html><html><body>${threePages}</body></html>`);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text } = await readPdf(pdf);
    expect(pages).toBe(3);
    expect(text[0]).toContain("Who is this about?");
    expect(text[1]).toContain("Reasons for referral");
    expect(text[2]).toContain("Section 3 of 3");
  });

  it("renders again after the browser process is killed", async () => {
    await renderer.render("<p>warm up</p>");
    const pid = await renderer.browserPid();
    expect(pid).toBeDefined();
    process.kill(pid!, "SIGKILL");

    const { text } = await readPdf(await renderer.render("<p>After the crash</p>"));
    expect(text[0]).toContain("After the crash");
    expect(await renderer.browserPid()).not.toBe(pid);
  });

  it("renders several documents at once through the bounded pool", async () => {
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map((n) => renderer.render(`<p>Copy ${n}</p>`)));
    const texts = await Promise.all(pdfs.map(async (pdf) => (await readPdf(pdf)).text[0]));
    expect(texts.map((t) => t?.trim())).toEqual(["Copy 1", "Copy 2", "Copy 3", "Copy 4", "Copy 5"]);
  });

  it("never fetches: remote images, stylesheets, frames and file:// are refused", async () => {
    const { port } = probe.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const html = `<!doctype html><html><head><link rel="stylesheet" href="${base}/style.css"></head><body>
      <img src="${base}/image.png" alt=""><iframe src="${base}/frame"></iframe><iframe src="file:///etc/passwd"></iframe>
      <script>document.body.append("script ran")</script><p>Only this</p></body></html>`;
    const { text } = await readPdf(await renderer.render(html));
    expect(probeHits).toBe(0);
    expect(text.join(" ")).not.toContain("script ran");
    expect(text.join(" ")).not.toContain("root:");
    expect(text.join(" ")).toContain("Only this");
  });

  it("shows typed answers as text when they are escaped", async () => {
    const answer = `<img src="x" onerror="alert(1)"> & "quotes"`;
    const { text } = await readPdf(await renderer.render(`<p>${escapeHtml(answer)}</p>`));
    expect(text[0]).toContain(`<img src="x" onerror="alert(1)"> & "quotes"`);
  });
});

describe("PDF fairness", () => {
  it("refuses a person's third render at once while another person still gets theirs", async () => {
    const fair = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH!, poolSize: 2, perPerson: 2, queueLimit: 20 });
    try {
      const amyFirst = fair.renderFor("amy", "<p>Amy one</p>");
      const amySecond = fair.renderFor("amy", "<p>Amy two</p>");
      expect(await fair.renderFor("amy", "<p>Amy three</p>")).toEqual({ status: "busy", reason: "person-busy" });

      const ben = await fair.renderFor("ben", "<p>Ben one</p>");
      expect(ben.status).toBe("rendered");
      if (ben.status === "rendered") expect((await readPdf(ben.pdf)).text[0]).toContain("Ben one");
      const amy = await Promise.all([amyFirst, amySecond]);
      expect(amy.map((result) => result.status)).toEqual(["rendered", "rendered"]);

      // Two at once, not two in all: once hers are done, Amy gets the next.
      expect((await fair.renderFor("amy", "<p>Amy again</p>")).status).toBe("rendered");
    } finally {
      await fair.close();
    }
  });

  it("refuses with busy, instead of queueing, once the queue for pages is full", async () => {
    const small = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH!, poolSize: 1, perPerson: 2, queueLimit: 1 });
    try {
      const drawing = small.renderFor("amy", "<p>Amy</p>");
      const waiting = small.renderFor("ben", "<p>Ben</p>");
      expect(await small.renderFor("cat", "<p>Cat</p>")).toEqual({ status: "busy", reason: "queue-full" });
      expect((await Promise.all([drawing, waiting])).map((result) => result.status)).toEqual(["rendered", "rendered"]);
    } finally {
      await small.close();
    }
  });
});
