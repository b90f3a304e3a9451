import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPdfRenderer, PdfRenderer } from "@/lib/pdf";
import { pdfResponse } from "@/app/(portal)/_pdf/pdf-response";
import { formById } from "@/lib/forms/catalogue";
import { renderFormPdf } from "@/lib/pdf/form-document";
import type { Answers, Person } from "@/lib/forms/types";

async function readPdf(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  const markInfo = await document.getMarkInfo();
  return { text: pages.join("\n"), pages: pages.length, title: info.Title, isTagged: markInfo?.Marked === true };
}

const people: Person[] = [
  { id: "p1", forename: "Amy", surname: "Smith" },
  { id: "p2", forename: "Ben", surname: "Smith" },
];
const answers: Answers = {
  completingAs: "professional",
  referrerName: "Riley <b>Referrer</b>",
  gender: { groups: [{ personIds: ["p1"], value: "female" }, { personIds: ["p2"], value: "male" }] },
  concernDetails: { groups: [{ personIds: ["p1", "p2"], value: "<img src=\"file:///etc/passwd\"> Both often hungry" }] },
  school: "<script>document.title='owned'</script><img src=x onerror=\"alert(1)\"> Tom & Jerry's",
};

let renderer: PdfRenderer;
beforeAll(() => {
  renderer = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH!, poolSize: 1 });
});
afterAll(async () => {
  await renderer.close();
  await (await getPdfRenderer()).close();
});

describe("Create PDF of a form", () => {
  it("holds the council, the form, each child's own answer where they differ, and the attached files", async () => {
    const pdf = await renderFormPdf(renderer, {
      councilName: "Demo Borough Council",
      definition: formById("safeguarding-concern")!,
      people,
      answers,
      attachments: [{ fileName: "school-report.pdf", sizeBytes: 120_000 }],
      createdAt: new Date("2026-11-23T10:00:00Z"),
    });
    const read = await readPdf(pdf);
    expect(read.text).toContain("Demo Borough Council");
    expect(read.text).toContain("Child/Young Person Safeguarding Concern");
    expect(read.text).toContain("Amy: Female");
    expect(read.text).toContain("Ben: Male");
    expect(read.text).toContain("school-report.pdf");
    expect(read.text).toContain("Not sent yet");
    // User text is text: markup typed into an answer is printed, never obeyed.
    expect(read.text).toContain("Riley <b>Referrer</b>");
    expect(read.text).toContain("<img src=");
    expect(read.text).toContain('passwd"> Both often hungry');
    expect(read.text).toContain("<script>document.title='owned'</script>");
    expect(read.text).toContain('onerror="alert(1)">');
    expect(read.text).toContain("Tom & Jerry's");
    expect(read.text).toMatch(/Page 1 of \d/);
    expect(read.title).toBe("Child/Young Person Safeguarding Concern – not sent");
    expect(read.isTagged).toBe(true);
  });

  it("shows the reference and the time it was sent once submitted", async () => {
    const pdf = await renderFormPdf(renderer, {
      councilName: "Demo Borough Council",
      definition: formById("safeguarding-concern")!,
      people,
      answers,
      submitted: { reference: "CP-ABCD-EFGH", at: new Date("2026-11-23T10:00:00Z") },
      createdAt: new Date("2026-11-23T10:05:00Z"),
    });
    const read = await readPdf(pdf);
    expect(read.text).toContain("CP-ABCD-EFGH");
    expect(read.text).toContain("23 November 2026 at 10:00");
    expect(read.text).toContain("No documents attached");
  });

  it("starts every PDF from a clean page: nothing of the previous form carries over to the next", async () => {
    const definition = formById("safeguarding-concern")!;
    const base = { councilName: "Demo Borough Council", definition, people, createdAt: new Date("2026-11-23T10:00:00Z") };
    await renderFormPdf(renderer, { ...base, answers: { ...answers, referrerName: "Only-In-The-First" } });
    const second = await readPdf(await renderFormPdf(renderer, { ...base, answers: { completingAs: "professional" } }));
    expect(second.text).not.toContain("Only-In-The-First");
    expect(second.text).not.toContain("Both often hungry");
  });
});

describe("the PDF routes' response when PDFs are busy", () => {
  it("answers a person's third PDF at once with a 'busy, try again' page (429, Retry-After), while another person gets theirs", async () => {
    const document = { definition: formById("safeguarding-concern")!, people, answers };
    const amy = [1, 2, 3].map((n) => pdfResponse("amy-user-id", document, `amy-${n}.pdf`, { draftId: `amy-${n}` }));
    const ben = pdfResponse("ben-user-id", document, "ben.pdf", { draftId: "ben" });

    const refused = await amy[2]!;
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(refused.headers.get("Content-Type")).toContain("text/html");
    expect(await refused.text()).toContain("Try again");

    const bens = await ben;
    expect(bens.status).toBe(200);
    expect(bens.headers.get("Content-Type")).toBe("application/pdf");
    expect((await readPdf(Buffer.from(await bens.arrayBuffer()))).text).toContain("Amy: Female");
    expect((await Promise.all(amy.slice(0, 2))).map((response) => response.status)).toEqual([200, 200]);
  });
});
