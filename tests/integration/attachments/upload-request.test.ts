/**
 * An "Upload file" request as the route handler receives it, over real HTTP into the real
 * storage and database (issue 14, point 6): names in UTF-8, the per-form file count refusing a
 * request whole, a declared length over what the form can take answered before the body is
 * sent, a body that grows past it cut off, and a browser that goes away mid-upload leaving no
 * object, no row and no handler waiting.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, councils, users } from "@/db/schema";
import { attachToDraft, DraftUpload, type UploadLimits } from "@/lib/attachments";
import { receiveDraftUpload, type ReceivedUpload } from "@/lib/attachments/receive-upload";
import { startDraft } from "@/lib/drafts/drafts";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { getStorage } from "@/lib/storage";
import { pdf } from "@/tests/support/attachment-files";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";

const KB = 1024;
const t0 = new Date("2027-08-01T09:00:00Z");
const storage = getStorage();
const BOUNDARY = "----portal-test-boundary";

let target: { ownerId: string; draftId: string; limits: UploadLimits };
const outcomes: ReceivedUpload[] = [];

const server = http.createServer((request, response) => {
  void (async () => {
    const upload = await DraftUpload.open({ db, storage, now: t0 }, { userId: target.ownerId }, target);
    const headers = { get: (name: string) => (request.headers[name.toLowerCase()] as string | undefined) ?? null };
    const received = await receiveDraftUpload(upload!, { headers, body: request });
    outcomes.push(received);
    if (!response.destroyed) response.writeHead(received.status === "too-large" ? 413 : 200, { "Content-Type": "application/json" }).end(JSON.stringify(received));
  })();
});
let port = 0;

beforeAll(async () => {
  await ensureCouncil();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function aDraft(limits: UploadLimits) {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail("uploader"), role: "referrer", passwordHash: "not-used", forename: "Zoë", surname: "Upload" })
    .returning({ id: users.id });
  const draft = await startDraft(db, { ownerId: user!.id, form: safeguardingConcern, retentionDays: 30, now: t0 });
  target = { ownerId: user!.id, draftId: draft.id, limits };
  return target;
}

type Part = { name: string; value: string } | { name: string; fileName: string; data: Buffer };

function partHead(part: Part): Buffer {
  const disposition = "fileName" in part ? `form-data; name="${part.name}"; filename="${part.fileName}"` : `form-data; name="${part.name}"`;
  const type = "fileName" in part ? "\r\nContent-Type: application/octet-stream" : "";
  return Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, "utf8");
}

function multipart(parts: Part[]): Buffer {
  return Buffer.concat([...parts.flatMap((part) => [partHead(part), "fileName" in part ? part.data : Buffer.from(part.value), Buffer.from("\r\n")]), Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

/** Posts `body` (or streams `chunks` when given) and resolves with the status, or "cut" when the connection was destroyed. */
function post(options: { body?: Buffer; declaredLength?: number; chunks?: Readable }): Promise<{ status: number | "cut"; body: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` };
    if (options.declaredLength !== undefined) headers["Content-Length"] = options.declaredLength;
    else if (options.body) headers["Content-Length"] = options.body.length;
    const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on("error", () => resolve({ status: "cut", body: "" }));
    if (options.chunks) options.chunks.pipe(request);
    else if (options.body) request.end(options.body);
    else request.flushHeaders(); // headers only: the body is never sent
  });
}

const keys = async () => new Set((await storage.list("attachments/")).map((o) => o.key));
const rowsOn = (draftId: string) => db.select().from(attachments).where(eq(attachments.draftId, draftId));

describe("an upload request", () => {
  it("keeps a UTF-8 file name as typed: Zoë’s report.pdf", async () => {
    const { draftId } = await aDraft({ maxFileBytes: 1024 * KB, maxDraftBytes: 4096 * KB, maxFiles: 20 });
    const answer = await post({ body: multipart([{ name: "sectionId", value: "documents" }, { name: "file", fileName: "Zoë’s report.pdf", data: pdf() }]) });
    expect(answer.status).toBe(200);
    expect((await rowsOn(draftId)).map((row) => row.fileName)).toEqual(["Zoë’s report.pdf"]);
  });

  it("refuses a request with more files than the form can still take, whole: none of them is attached or kept", async () => {
    const { ownerId, draftId, limits } = await aDraft({ maxFileBytes: 1024 * KB, maxDraftBytes: 4096 * KB, maxFiles: 3 });
    expect((await attachToDraft({ db, storage, now: t0 }, { userId: ownerId }, { draftId, limits, fileName: "first.pdf", stream: Readable.from([pdf()]) })).status).toBe("attached");
    const before = await keys();
    const three = [1, 2, 3].map((n) => ({ name: "file", fileName: `extra-${n}.pdf`, data: pdf() }));
    const answer = await post({ body: multipart(three) });
    expect(JSON.parse(answer.body)).toEqual({ status: "too-many-files" });
    expect((await rowsOn(draftId)).map((row) => row.fileName)).toEqual(["first.pdf"]);
    expect(await keys()).toEqual(before);

    // Two still fit: they are taken.
    expect(JSON.parse((await post({ body: multipart(three.slice(0, 2)) })).body)).toMatchObject({ status: "done" });
    expect(await rowsOn(draftId)).toHaveLength(3);
    expect(JSON.parse((await post({ body: multipart(three.slice(2)) })).body)).toEqual({ status: "form-full" });
  });

  it("answers 413 at once when the declared length is more than the form can take, before any of the body is sent", async () => {
    await aDraft({ maxFileBytes: 1024 * KB, maxDraftBytes: 1024 * KB, maxFiles: 20 });
    const answer = await post({ declaredLength: 50 * 1024 * KB });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ status: "too-large", cut: false });
  });

  it("cuts off a body that grows past what the form can take (no length declared), keeping nothing", async () => {
    const { draftId } = await aDraft({ maxFileBytes: 1024 * KB, maxDraftBytes: 256 * KB, maxFiles: 20 });
    const before = await keys();
    let sent = 0;
    const endless = new Readable({
      read() {
        // Far more than allowed, had it been read to the end: the server must stop it.
        if (sent === 0) this.push(partHead({ name: "file", fileName: "big.pdf", data: Buffer.alloc(0) }));
        if (sent > 64 * 1024 * KB) return void this.push(null);
        sent += 64 * KB;
        this.push(Buffer.alloc(64 * KB, 0x20));
      },
    });
    const count = outcomes.length;
    const answer = await post({ chunks: endless });
    // The request is destroyed: nothing more of it is read (what the client managed to send is
    // what the sockets' buffers held), and the client is told 413 or finds the connection gone.
    expect([413, "cut"]).toContain(answer.status);
    await expect.poll(() => outcomes.length).toBe(count + 1);
    expect(outcomes.at(-1)).toEqual({ status: "too-large", cut: true });
    expect(sent).toBeLessThan(16 * 1024 * KB);
    expect(await rowsOn(draftId)).toEqual([]);
    expect(await keys()).toEqual(before);
  });

  it("leaves no object, no row and no handler waiting when the browser goes away mid-upload", async () => {
    const { draftId } = await aDraft({ maxFileBytes: 8 * 1024 * KB, maxDraftBytes: 16 * 1024 * KB, maxFiles: 20 });
    const before = await keys();
    const count = outcomes.length;
    // One whole file (stored by then), then half of a second one; then the connection drops.
    const first = multipart([{ name: "file", fileName: "whole.pdf", data: pdf(600 * KB) }]).subarray(0, -Buffer.byteLength(`--${BOUNDARY}--\r\n`));
    const body = Buffer.concat([first, partHead({ name: "file", fileName: "half.pdf", data: Buffer.alloc(0) }), pdf(6 * 1024 * KB).subarray(0, 3 * 1024 * KB)]);
    const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, "Content-Length": body.length + 4 * 1024 * KB } });
    request.on("error", () => undefined);
    request.write(body, () => setImmediate(() => request.destroy()));

    await expect.poll(() => outcomes.length, { timeout: 15_000 }).toBe(count + 1);
    expect(outcomes.at(-1)).toEqual({ status: "broken" });
    expect(await rowsOn(draftId)).toEqual([]);
    expect(await keys()).toEqual(before);
  });
});
