/**
 * The pull API (issue 17 points 3 and 4), called through its route handlers on the real database,
 * storage, PDF renderer and mail outbox: keys scoped by team (another team's reference is a 404,
 * like an unknown one), revoked and unknown keys refused (401), the list paged oldest first, the
 * document, a file and the PDF, the acknowledgement (idempotent; the form leaves
 * status=undelivered), the answer back (seen by the referrer in Submitted Forms, with the email
 * queued, and in the staff history as the case system), the rate limit, an audit row for every
 * call, and every answer checked against the OpenAPI document the portal serves.
 */
import { createHash, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getList } from "@/app/api/v1/submissions/route";
import { GET as getDocument } from "@/app/api/v1/submissions/[reference]/route";
import { GET as getFile } from "@/app/api/v1/submissions/[reference]/files/[fileId]/route";
import { GET as getPdf } from "@/app/api/v1/submissions/[reference]/pdf/route";
import { POST as postAck } from "@/app/api/v1/submissions/[reference]/ack/route";
import { POST as postClose } from "@/app/api/v1/submissions/[reference]/close/route";
import { POST as postRequestInformation } from "@/app/api/v1/submissions/[reference]/request-information/route";
import { POST as postResponse } from "@/app/api/v1/submissions/[reference]/response/route";
import { attachments, auditEvents, councils, deliveries, mailOutbox, referralEvents, submissions, teams, users } from "@/db/schema";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/delivery/api/api-keys";
import { authenticate } from "@/lib/delivery/api/authenticate";
import { startDraft } from "@/lib/drafts/drafts";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import type { FormDefinition } from "@/lib/forms/types";
import { listMoreInformationRequests, viewReferral } from "@/lib/referrals";
import { getStorage } from "@/lib/storage";
import { listRecentSubmissions } from "@/lib/submissions/find-submission";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { newAjv } from "@/tests/support/document-schema";
import { openApiChecker } from "@/tests/support/openapi-check";
import { joinTeams } from "@/tests/support/staff-teams";
import { referralDepsAt } from "@/tests/support/referral-fixture";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const suffix = randomUUID().slice(0, 8);
const teamA = `api-a-${suffix}`;
const teamB = `api-b-${suffix}`;
const formA: FormDefinition = { ...safeguardingConcern, id: `pull-a-${suffix}`, team: teamA };
const formB: FormDefinition = { ...safeguardingConcern, id: `pull-b-${suffix}`, team: teamB };
const t0 = new Date("2028-03-01T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

type Sent = { id: string; reference: string };
let referrer: { userId: string; email: string };
let admin: { userId: string; ip: string };
let keyA: string;
let keyAId: string;
let keyB: string;
const sentA: Sent[] = [];
let sentB: Sent;
let fileId: string;
const fileBytes = Buffer.from("a letter from the school, as plain text");
let checker: ReturnType<typeof openApiChecker>;

const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const base = "http://localhost/api/v1/submissions";
const refParams = (reference: string) => ({ params: Promise.resolve({ reference }) });
const post = (reference: string, path: string, key: string, body?: unknown) =>
  new Request(`${base}/${reference}/${path}`, { method: "POST", headers: { ...auth(key), ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });

/** The answer's JSON body, after checking it against the OpenAPI document. */
async function checked(path: string, method: string, response: Response): Promise<unknown> {
  const isJson = (response.headers.get("content-type") ?? "").startsWith("application/json");
  const body = isJson ? await response.json() : undefined;
  expect(checker.errorsOf(path, method, response, body), `${method} ${path} ${response.status}`).toEqual([]);
  return body;
}

async function send(form: FormDefinition, minutes: number, withFile = false): Promise<Sent> {
  const draft = await startDraft(db, { ownerId: referrer.userId, form, retentionDays: 30, now: at(minutes), people: [{ id: "p1", forename: "Ada", surname: "Pull" }] });
  if (withFile) {
    const objectKey = `attachments/${randomUUID()}`;
    await getStorage().put(objectKey, fileBytes, { contentType: "text/plain" });
    const [row] = await db
      .insert(attachments)
      .values({ ownerId: referrer.userId, draftId: draft.id, objectKey, fileName: "letter.txt", contentType: "text/plain", sizeBytes: fileBytes.length, kind: "text", createdAt: at(minutes) })
      .returning({ id: attachments.id });
    fileId = row!.id;
  }
  const sent = await submitDraft(submissionDepsAt(at(minutes)), { userId: referrer.userId }, { draftId: draft.id, definitionFor: (id) => (id === formA.id ? formA : formB) });
  if (sent.status !== "submitted") throw new Error("not sent");
  const [row] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.reference, sent.reference));
  return { id: row!.id, reference: sent.reference };
}

const apiRows = (keyId: string) => db.select({ id: auditEvents.id, event: auditEvents.event, subjectId: auditEvents.subjectId, detail: auditEvents.detail }).from(auditEvents).where(sql`${auditEvents.detail}->>'apiKeyId' = ${keyId}`);

beforeAll(async () => {
  await ensureCouncil();
  await db.insert(teams).values([
    { id: teamA, name: `Pull A ${suffix}` },
    { id: teamB, name: `Pull B ${suffix}` },
  ]);
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const email = uniqueEmail("pull-referrer");
  const [person] = await db.insert(users).values({ councilId: council!.id, email, passwordHash: "not-used", forename: "Rita", surname: "Referrer" }).returning({ id: users.id });
  referrer = { userId: person!.id, email };
  const [adminRow] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail("pull-admin"), role: "admin", passwordHash: "not-used", forename: "Ann", surname: "Admin" })
    .returning({ id: users.id });
  admin = { userId: adminRow!.id, ip: "203.0.113.20" };
  await joinTeams(admin.userId, [], "caseworker", { isAdmin: true });

  sentA.push(await send(formA, 1, true), await send(formA, 2), await send(formA, 3));
  sentB = await send(formB, 4);

  const a = await createApiKey(db, admin, { name: "Mosaic (team A)", teams: [teamA] }, at(10));
  const b = await createApiKey(db, admin, { name: "Team B system", teams: [teamB] }, at(10));
  if (a.status !== "created" || b.status !== "created") throw new Error("no key");
  keyA = a.key;
  keyAId = a.id;
  keyB = b.key;
  checker = openApiChecker(await (await getOpenApi()).json());
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1, served as JSON, and every schema in it compiles (ajv strict, draft 2020-12)", async () => {
    const response = await getOpenApi();
    expect(response.headers.get("content-type")).toContain("application/json");
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/v1/submissions", "/api/v1/submissions/{reference}", "/api/v1/submissions/{reference}/files/{fileId}", "/api/v1/submissions/{reference}/pdf", "/api/v1/submissions/{reference}/ack", "/api/v1/submissions/{reference}/response", "/api/v1/submissions/{reference}/request-information", "/api/v1/submissions/{reference}/close"]),
    );
    const ajv = newAjv();
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      expect(() => ajv.compile({ ...(JSON.parse(JSON.stringify(schema).replaceAll("#/components/schemas/", "#/$defs/")) as object), $defs: JSON.parse(JSON.stringify(document.components.schemas).replaceAll("#/components/schemas/", "#/$defs/")) }), name).not.toThrow();
    }
  });
});

describe("API keys", () => {
  it("are made by council admins only, shown once and stored as their SHA-256", async () => {
    expect(keyA).toMatch(/^cpk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(teams).where(eq(teams.id, teamA));
    expect(row).toBeDefined();
    const listed = (await listApiKeys(db, admin)).find((key) => key.id === keyAId);
    expect(listed).toMatchObject({ name: "Mosaic (team A)", prefix: keyA.slice(4, 12), teams: [teamA], revokedAt: null });
    const [stored] = await db.execute<{ key_hash: string }>(sql`select key_hash from api_keys where id = ${keyAId}`);
    expect(stored!.key_hash).toBe(createHash("sha256").update(keyA).digest("hex"));
    expect(JSON.stringify(await db.execute(sql`select * from api_keys where id = ${keyAId}`))).not.toContain(keyA.slice(13));
    // Not an admin: nothing made, nothing listed.
    expect((await createApiKey(db, { userId: referrer.userId }, { name: "mine", teams: [teamA] }, at(11))).status).toBe("forbidden");
    expect(await listApiKeys(db, { userId: referrer.userId })).toEqual([]);
    expect(await createApiKey(db, admin, { name: " ", teams: [] }, at(11))).toEqual({ status: "invalid", errors: { name: expect.any(String), teams: "Choose at least one team" } });
    const [created] = await db.select({ userId: auditEvents.userId, event: auditEvents.event }).from(auditEvents).where(and(eq(auditEvents.subjectId, keyAId), eq(auditEvents.event, "api-key-created")));
    expect(created).toEqual({ userId: admin.userId, event: "api-key-created" });
  });

  it("refuses a missing, malformed or unknown key with 401 and the error shape", async () => {
    for (const headers of [{}, { authorization: "Basic abc" }, auth("cpk_00000000_" + "A".repeat(43)), auth(keyA.slice(0, -1) + (keyA.endsWith("A") ? "B" : "A"))]) {
      const response = await getList(new Request(base, { headers }));
      expect(response.status).toBe(401);
      expect(await checked("/api/v1/submissions", "GET", response)).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
  });

  it("rate limits each key: 429 with Retry-After past the limit", async () => {
    const rule = { limit: 2, windowSeconds: 60 };
    const now = new Date();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await authenticate(db, `Bearer ${keyB}`, now, { rule }));
    expect(results.map((result) => result.status)).toEqual(["ok", "ok", "rate-limited"]);
    expect(results[2]).toMatchObject({ retryAfterSeconds: expect.any(Number) });
  });
});

describe("reading", () => {
  it("lists the key's teams' undelivered forms oldest first, a page at a time, and stamps the key's last use", async () => {
    const first = await getList(new Request(`${base}?limit=2`, { headers: auth(keyA) }));
    expect(first.status).toBe(200);
    const page1 = (await checked("/api/v1/submissions", "GET", first)) as { items: { reference: string; sentAt: string; links: { document: string } }[]; nextCursor: string; links: { next: string } };
    expect(page1.items.map((item) => item.reference)).toEqual([sentA[0]!.reference, sentA[1]!.reference]);
    expect(page1.items[0]).toMatchObject({ sentAt: at(1).toISOString(), team: teamA, delivery: { status: "queued", deliveredAt: null } });
    expect(page1.items[0]!.links.document).toMatch(new RegExp(`/api/v1/submissions/${sentA[0]!.reference}$`));
    const next = new URL(page1.links.next);
    const second = await getList(new Request(`${base}${next.search}`, { headers: auth(keyA) }));
    const page2 = (await checked("/api/v1/submissions", "GET", second)) as { items: { reference: string }[]; nextCursor: string | null };
    expect(page2.items.map((item) => item.reference)).toEqual([sentA[2]!.reference]);
    expect(page2.nextCursor).toBeNull();

    // Another team's forms are not listed, even when asked for by name.
    const other = (await (await getList(new Request(`${base}?team=${teamB}`, { headers: auth(keyA) }))).json()) as { items: unknown[] };
    expect(other.items).toEqual([]);
    const [key] = (await listApiKeys(db, admin)).filter((row) => row.id === keyAId);
    expect(key!.lastUsedAt).not.toBeNull();

    const bad = await getList(new Request(`${base}?status=everything&limit=0`, { headers: auth(keyA) }));
    expect(bad.status).toBe(422);
    expect(await checked("/api/v1/submissions", "GET", bad)).toMatchObject({ error: { code: "invalid_request", fields: { status: expect.any(String), limit: expect.any(String) } } });
  });

  it("gives the document, a file and the PDF of the key's team's form; another team's reference is a 404 like an unknown one", async () => {
    const { reference } = sentA[0]!;
    const response = await getDocument(new Request(`${base}/${reference}`, { headers: auth(keyA) }), refParams(reference));
    expect(response.status).toBe(200);
    const document = (await checked("/api/v1/submissions/{reference}", "GET", response)) as { reference: string; files: { id: string; downloadUrl: string; sha256: string }[] };
    expect(document.reference).toBe(reference);
    expect(document.files).toEqual([expect.objectContaining({ id: fileId, sha256: createHash("sha256").update(fileBytes).digest("hex") })]);

    const fileResponse = await getFile(new Request(document.files[0]!.downloadUrl, { headers: auth(keyA) }), { params: Promise.resolve({ reference, fileId }) });
    expect(fileResponse.status).toBe(200);
    await checked("/api/v1/submissions/{reference}/files/{fileId}", "GET", new Response(null, { status: 200, headers: { "content-type": "application/octet-stream" } }));
    expect(fileResponse.headers.get("content-disposition")).toContain("attachment");
    expect(Buffer.from(await fileResponse.arrayBuffer())).toEqual(fileBytes);

    const pdfResponse = await getPdf(new Request(`${base}/${reference}/pdf`, { headers: auth(keyA) }), refParams(reference));
    expect(pdfResponse.status).toBe(200);
    expect(pdfResponse.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdfResponse.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    await checked("/api/v1/submissions/{reference}/pdf", "GET", new Response(null, { status: 200, headers: { "content-type": "application/pdf" } }));

    for (const [key, ref] of [
      [keyB, reference],
      [keyA, sentB.reference],
      [keyA, "CP-NOPE-NOPE"],
    ] as const) {
      const refused = await getDocument(new Request(`${base}/${ref}`, { headers: auth(key) }), refParams(ref));
      expect(refused.status).toBe(404);
      expect(await checked("/api/v1/submissions/{reference}", "GET", refused)).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
    const otherFile = await getFile(new Request(`${base}/${reference}/files/${fileId}`, { headers: auth(keyB) }), { params: Promise.resolve({ reference, fileId }) });
    expect(otherFile.status).toBe(404);
    const otherPdf = await getPdf(new Request(`${base}/${sentB.reference}/pdf`, { headers: auth(keyA) }), refParams(sentB.reference));
    expect(otherPdf.status).toBe(404);

    const rows = await apiRows(keyAId);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: "api-submission-read", subjectId: sentA[0]!.id }),
        expect.objectContaining({ event: "api-file-downloaded", subjectId: sentA[0]!.id, detail: expect.objectContaining({ fileId }) }),
        expect.objectContaining({ event: "api-pdf-downloaded", subjectId: sentA[0]!.id }),
      ]),
    );
  });
});

describe("acknowledging", () => {
  it("marks the delivery delivered by api with the case system's id; again changes nothing; the form leaves status=undelivered", async () => {
    const { id, reference } = sentA[1]!;
    const first = await postAck(post(reference, "ack", keyA, { caseSystemId: "MOSAIC-123" }), refParams(reference));
    expect(first.status).toBe(200);
    const body = await checked("/api/v1/submissions/{reference}/ack", "POST", first);
    expect(body).toMatchObject({ reference, delivery: { status: "delivered", deliveredBy: "api", caseSystemId: "MOSAIC-123" } });
    const again = await postAck(post(reference, "ack", keyA, { caseSystemId: "MOSAIC-999" }), refParams(reference));
    expect(await checked("/api/v1/submissions/{reference}/ack", "POST", again)).toEqual(body);
    const [row] = await db.select().from(deliveries).where(eq(deliveries.submissionId, id));
    expect(row).toMatchObject({ status: "delivered", deliveredBy: "api", caseSystemId: "MOSAIC-123" });

    const list = (await (await getList(new Request(base, { headers: auth(keyA) }))).json()) as { items: { reference: string }[] };
    expect(list.items.map((item) => item.reference)).toEqual([sentA[0]!.reference, sentA[2]!.reference]);
    const delivered = (await (await getList(new Request(`${base}?status=delivered`, { headers: auth(keyA) }))).json()) as { items: { reference: string }[] };
    expect(delivered.items.map((item) => item.reference)).toEqual([reference]);

    const otherTeam = await postAck(post(sentB.reference, "ack", keyA, { caseSystemId: "X" }), refParams(sentB.reference));
    expect(otherTeam.status).toBe(404);
    const [untouched] = await db.select({ deliveredAt: deliveries.deliveredAt }).from(deliveries).where(eq(deliveries.submissionId, sentB.id));
    expect(untouched!.deliveredAt).toBeNull();
    const empty = await postAck(post(reference, "ack", keyA, {}), refParams(reference));
    expect(empty.status).toBe(422);
    expect(await checked("/api/v1/submissions/{reference}/ack", "POST", empty)).toMatchObject({ error: { fields: { caseSystemId: expect.any(String) } } });
    const notJson = await postAck(new Request(`${base}/${reference}/ack`, { method: "POST", headers: auth(keyA), body: "caseSystemId=1" }), refParams(reference));
    expect(notJson.status).toBe(415);
  });
});

describe("answering back", () => {
  it("posts a response the referrer reads in Submitted Forms, with the same email as a caseworker's, and staff see it as the case system's", async () => {
    const { id, reference } = sentA[0]!;
    const empty = await postResponse(post(reference, "response", keyA, { response: "   " }), refParams(reference));
    expect(empty.status).toBe(422);
    expect(await checked("/api/v1/submissions/{reference}/response", "POST", empty)).toEqual({ error: { code: "invalid_request", message: "Enter a response", fields: { response: "Enter a response" } } });

    const response = await postResponse(post(reference, "response", keyA, { response: "We have opened an assessment." }), refParams(reference));
    expect(response.status).toBe(200);
    expect(await checked("/api/v1/submissions/{reference}/response", "POST", response)).toEqual({ reference, status: "response-posted" });

    const seen = (await listRecentSubmissions(db, referrer.userId, t0)).find((row) => row.reference === reference);
    expect(seen).toMatchObject({ response: "We have opened an assessment." });
    const mail = await db.select({ subject: mailOutbox.subject }).from(mailOutbox).where(eq(mailOutbox.toAddress, referrer.email));
    expect(mail.map((row) => row.subject)).toContain("A response has been posted");
    const [event] = await db.select().from(referralEvents).where(and(eq(referralEvents.submissionId, id), eq(referralEvents.kind, "responded")));
    expect(event).toMatchObject({ actorId: null, apiKeyId: keyAId });

    // Twice is a wrong state, as in /staff.
    const again = await postResponse(post(reference, "response", keyA, { response: "Again" }), refParams(reference));
    expect(again.status).toBe(409);
    expect(await checked("/api/v1/submissions/{reference}/response", "POST", again)).toMatchObject({ error: { code: "conflict", fields: { status: "response-posted" } } });

    // A caseworker of the team sees who did it.
    const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
    const [worker] = await db.insert(users).values({ councilId: council!.id, email: uniqueEmail("pull-worker"), role: "caseworker", passwordHash: "not-used", forename: "Cal", surname: "Worker" }).returning({ id: users.id });
    await joinTeams(worker!.id, [teamA]);
    const viewed = await viewReferral(referralDepsAt(at(30)), { userId: worker!.id, role: "caseworker" }, id);
    if (viewed.status !== "found") throw new Error("not found");
    expect(viewed.referral.history.find((entry) => entry.kind === "responded")?.actor.name).toBe("Case system (Mosaic (team A))");
  });

  it("asks for more information (listed for the referrer, emailed) and closes; another team's reference is a 404 and changes nothing", async () => {
    const { reference } = sentA[2]!;
    const noReason = await postRequestInformation(post(reference, "request-information", keyA, { comments: "?" }), refParams(reference));
    expect(noReason.status).toBe(422);
    expect(await checked("/api/v1/submissions/{reference}/request-information", "POST", noReason)).toMatchObject({ error: { fields: { reason: "Select why you need more information" } } });
    const otherWithoutComments = await postRequestInformation(post(reference, "request-information", keyA, { reason: "other" }), refParams(reference));
    expect(await otherWithoutComments.json()).toMatchObject({ error: { fields: { comments: "Enter comments to say what information is needed" } } });

    const asked = await postRequestInformation(post(reference, "request-information", keyA, { reason: "insufficient-detail", comments: "Which school?" }), refParams(reference));
    expect(await checked("/api/v1/submissions/{reference}/request-information", "POST", asked)).toEqual({ reference, status: "more-information-requested" });
    const requests = await listMoreInformationRequests(db, referrer.userId);
    expect(requests.find((row) => row.reference === reference)).toMatchObject({ requestedBy: "Case system", comments: "Which school?", reasonLabel: "Insufficient Detail" });
    const mail = await db.select({ subject: mailOutbox.subject }).from(mailOutbox).where(eq(mailOutbox.toAddress, referrer.email));
    expect(mail.map((row) => row.subject)).toContain("Your form has been sent back for more information");

    const closed = await postClose(post(reference, "close", keyA), refParams(reference));
    expect(await checked("/api/v1/submissions/{reference}/close", "POST", closed)).toEqual({ reference, status: "closed" });
    const closedAgain = await postClose(post(reference, "close", keyA), refParams(reference));
    expect(closedAgain.status).toBe(409);

    const otherTeam = await postClose(post(sentB.reference, "close", keyA), refParams(sentB.reference));
    expect(otherTeam.status).toBe(404);
    const [b] = await db.select({ status: submissions.status }).from(submissions).where(eq(submissions.id, sentB.id));
    expect(b!.status).toBe("submitted");
  });
});

describe("revoking", () => {
  it("refuses a revoked key with 401 from then on, and audits the revocation", async () => {
    const made = await createApiKey(db, admin, { name: "Short-lived", teams: [teamA] }, at(40));
    if (made.status !== "created") throw new Error("no key");
    expect((await getList(new Request(base, { headers: auth(made.key) }))).status).toBe(200);
    expect(await revokeApiKey(db, { userId: referrer.userId }, made.id, at(41))).toBe("forbidden");
    expect(await revokeApiKey(db, admin, made.id, at(41))).toBe("revoked");
    expect(await revokeApiKey(db, admin, made.id, at(42))).toBe("not-found");
    const refused = await getDocument(new Request(`${base}/${sentA[0]!.reference}`, { headers: auth(made.key) }), refParams(sentA[0]!.reference));
    expect(refused.status).toBe(401);
    const [row] = await db.select({ userId: auditEvents.userId }).from(auditEvents).where(and(eq(auditEvents.subjectId, made.id), eq(auditEvents.event, "api-key-revoked")));
    expect(row).toEqual({ userId: admin.userId });
  });
});

describe("the audit trail", () => {
  it("has a row naming the key for every call the key made, refused ones included", async () => {
    const before = new Set((await apiRows(keyAId)).map((row) => row.id));
    const calls: Response[] = [
      await getList(new Request(base, { headers: auth(keyA) })),
      await getDocument(new Request(`${base}/${sentA[0]!.reference}`, { headers: auth(keyA) }), refParams(sentA[0]!.reference)),
      await getDocument(new Request(`${base}/${sentB.reference}`, { headers: auth(keyA) }), refParams(sentB.reference)),
      await postAck(post(sentA[0]!.reference, "ack", keyA, { caseSystemId: "M-1" }), refParams(sentA[0]!.reference)),
      await postResponse(post(sentA[0]!.reference, "response", keyA, { response: "late" }), refParams(sentA[0]!.reference)),
    ];
    expect(calls.map((call) => call.status)).toEqual([200, 200, 404, 200, 409]);
    const rows = (await apiRows(keyAId)).filter((row) => !before.has(row.id));
    expect(rows.map((row) => row.event).sort()).toEqual(["api-request-refused", "api-request-refused", "api-submission-acknowledged", "api-submission-read", "api-submissions-listed"]);
  });
});
