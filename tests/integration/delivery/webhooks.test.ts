/**
 * Signed webhook delivery (issue 17 points 2 and 7) against real HTTP servers on loopback: the
 * reference receiver, a receiver that is down and comes back, one that loses its first answer,
 * one that redirects, and listeners at refused addresses that must never be reached. A database
 * of this file's own, so no other file's sent forms are pushed here; a test clock passed in.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/db/migrate";
import { createDb, type Db } from "@/db/client";
import { auditEvents, councils, deliveries, deliveryEndpoints, submissions, users } from "@/db/schema";
import { deliveryStatusOf, oldestUndeliveredAgeSeconds } from "@/lib/delivery/delivery-status";
import { createReceiver, type Receiver } from "@/lib/delivery/receiver";
import { dispatchDueDeliveries, type DispatchSettings } from "@/lib/delivery/webhooks/dispatch";
import { setTeamEndpoint } from "@/lib/delivery/webhooks/endpoints";
import { signedHeaders, verifyWebhook } from "@/lib/delivery/webhooks/signature";
import { listTroubledDeliveries, retryDeliveryNow } from "@/lib/delivery/webhooks/troubled-deliveries";
import { startDraft } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import { earlyHelpAssessment } from "@/lib/forms/definitions/early-help-assessment";
import { startWorker } from "@/lib/jobs/worker";
import { findFreePort } from "@/lib/runtime/free-port";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { freshDatabase } from "@/tests/support/fresh-database";
import { waitFor } from "@/tests/support/wait-for";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const database = freshDatabase("webhooks");
let db: Db;
let closeDb: () => Promise<void>;
let ownerId: string;
let adminId: string;
let secret: string;
let port: number;

let clock = new Date("2028-06-01T09:00:00Z");
const now = () => clock;
const advance = (seconds: number) => void (clock = new Date(clock.getTime() + seconds * 1000));

const settings: DispatchSettings = { appUrl: "https://portal.example.gov.uk", authSecret: process.env.AUTH_SECRET!, allowLocal: true, timeoutMs: 5_000, baseDelaySeconds: 30, maxDelaySeconds: 3600, windowSeconds: 86_400 };
const endpointDeps = () => ({ db, authSecret: settings.authSecret, allowLocal: true, now: clock, ip: "203.0.113.5" });

const servers: Server[] = [];
function listen(server: Server, onPort = port): Promise<Server> {
  servers.push(server);
  return new Promise((resolve) => server.listen(onPort, "127.0.0.1", () => resolve(server)));
}
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

async function startReceiver(): Promise<Receiver> {
  const receiver = createReceiver({ secret, now });
  await listen(receiver.server);
  return receiver;
}

async function sendForm(): Promise<{ submissionId: string; reference: string; webhookId: string }> {
  const draft = await startDraft(db, { ownerId, form: earlyHelpAssessment, retentionDays: 30, now: clock, people: [{ id: "p1", forename: "Amy", surname: "Smith" }], answers: { completingAs: "professional", referrerName: "Sam Sender" } });
  const sent = await submitDraft({ ...submissionDepsAt(clock), db }, { userId: ownerId }, { draftId: draft.id, definitionFor: formById });
  if (sent.status !== "submitted") throw new Error("not sent");
  const [row] = await db.select({ submissionId: submissions.id, webhookId: deliveries.webhookId }).from(submissions).innerJoin(deliveries, eq(deliveries.submissionId, submissions.id)).where(eq(submissions.reference, sent.reference));
  return { ...row!, reference: sent.reference };
}

const deliveryOf = async (submissionId: string) => (await db.select().from(deliveries).where(eq(deliveries.submissionId, submissionId)))[0]!;
const dispatch = (overrides: Partial<DispatchSettings> = {}, on: Db = db) => dispatchDueDeliveries(on, { ...settings, ...overrides }, now);

beforeAll(async () => {
  await database.create();
  await applyMigrations(database.url);
  ({ db, close: closeDb } = createDb(database.url, { max: 4 }));
  const [council] = await db.insert(councils).values({ slug: "test", name: "Test Council" }).returning({ id: councils.id });
  const person = { councilId: council!.id, passwordHash: "not-used", forename: "Sam", surname: "Sender" };
  [{ id: ownerId }] = (await db.insert(users).values({ ...person, email: "sam@school.example", role: "referrer", isProfessional: true, organisation: "Dudley Primary" }).returning({ id: users.id })) as [{ id: string }];
  [{ id: adminId }] = (await db.insert(users).values({ ...person, email: "admin@council.example", role: "admin" }).returning({ id: users.id })) as [{ id: string }];
  port = await findFreePort();
  const set = await setTeamEndpoint(endpointDeps(), { userId: adminId }, { teamId: "early-help", url: `http://127.0.0.1:${port}/hooks` });
  if (set.status !== "saved" || !set.newSecret) throw new Error("no endpoint");
  secret = set.newSecret;
});

afterEach(async () => {
  for (const server of servers.splice(0)) if (server.listening) await close(server);
  // What a test left undelivered is taken by the API, so the next test starts with nothing due.
  await db.update(deliveries).set({ status: "delivered", deliveredAt: clock, deliveredBy: "api" }).where(isNull(deliveries.deliveredAt));
  await setTeamEndpoint(endpointDeps(), { userId: adminId }, { teamId: "early-help", url: `http://127.0.0.1:${port}/hooks` });
  advance(3600);
});

afterAll(async () => {
  await closeDb?.();
  await database.drop();
});

describe("signed webhooks", () => {
  it("delivers a sent form once, signed, and records the case system's id", async () => {
    const receiver = await startReceiver();
    const sent = await sendForm();

    const outcomes = await dispatch();
    expect(outcomes.map((outcome) => outcome.result)).toEqual(["delivered"]);
    expect(await dispatch()).toEqual([]);

    expect(receiver.accepted).toHaveLength(1);
    const [got] = receiver.accepted;
    expect(got!.webhookId).toBe(sent.webhookId);
    expect(got!.reference).toBe(sent.reference);
    const body = JSON.parse(got!.body);
    expect(body).toMatchObject({ type: "submission.sent", timestamp: clock.toISOString(), data: { reference: sent.reference, team: "early-help", form: { id: "early-help-assessment" } } });
    expect(await deliveryStatusOf(db, sent.submissionId)).toEqual({ status: "delivered", deliveredAt: clock, deliveredBy: "webhook", caseSystemId: "CASE-1", attempts: 1, lastError: null, nextAttemptAt: null });
  });

  it("retries with growing waits while the receiver is down and delivers once when it is back", async () => {
    const sent = await sendForm();
    expect((await dispatch())[0]).toMatchObject({ result: "retrying", reason: "could not connect (ECONNREFUSED)" });
    const first = await deliveryOf(sent.submissionId);
    expect(first).toMatchObject({ status: "retrying", attempts: 1, lastError: "could not connect (ECONNREFUSED)" });
    expect(first.nextAttemptAt).toEqual(new Date(clock.getTime() + 30_000));

    advance(29);
    expect(await dispatch()).toEqual([]);
    advance(1);
    expect((await dispatch())[0]).toMatchObject({ result: "retrying", attempt: 2 });
    expect((await deliveryOf(sent.submissionId)).nextAttemptAt).toEqual(new Date(clock.getTime() + 60_000));

    const receiver = await startReceiver();
    advance(60);
    expect((await dispatch())[0]).toMatchObject({ result: "delivered", attempt: 3 });
    advance(3600);
    expect(await dispatch()).toEqual([]);
    expect(receiver.accepted.map((got) => got.webhookId)).toEqual([sent.webhookId]);
    expect(await deliveryOf(sent.submissionId)).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
  });

  it("repeats a push whose answer was lost with the same webhook-id and body, which the receiver takes once", async () => {
    const sent = await sendForm();
    const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createReceiver({ secret, now });
    // The case system takes the first push but its answer is lost (a 502 from its proxy).
    await listen(
      createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          seen.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
          const forward = httpRequest({ host: "127.0.0.1", port: receiverPort, method: "POST", path: "/", headers: request.headers }, (answer) => {
            answer.resume();
            response.writeHead(seen.length === 1 ? 502 : answer.statusCode!, { "content-type": "application/json" });
            answer.pipe(response);
          });
          forward.end(Buffer.concat(chunks));
        });
      }),
    );
    const receiverPort = await findFreePort();
    await listen(receiver.server, receiverPort);

    expect((await dispatch())[0]).toMatchObject({ result: "retrying", reason: "HTTP 502" });
    advance(30);
    expect((await dispatch())[0]).toMatchObject({ result: "delivered" });

    expect(seen).toHaveLength(2);
    expect(seen.map((request) => request.headers["webhook-id"])).toEqual([sent.webhookId, sent.webhookId]);
    expect(seen[1]!.body).toBe(seen[0]!.body);
    expect(seen[1]!.headers["webhook-timestamp"]).not.toBe(seen[0]!.headers["webhook-timestamp"]);
    expect(receiver.events.map((event) => event.kind)).toEqual(["accepted", "duplicate"]);
    expect(receiver.accepted).toHaveLength(1);
  });

  it("a tampered body, a wrong secret or a stale timestamp fails verification (401)", async () => {
    const receiver = await startReceiver();
    const body = JSON.stringify({ type: "submission.sent", data: { reference: "EHA-1" } });
    const stamp = Math.floor(clock.getTime() / 1000);
    const headers = signedHeaders(secret, "msg_test", stamp, body);
    const post = (sentHeaders: Record<string, string>, sentBody: string) =>
      fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: { ...sentHeaders, "content-type": "application/json" }, body: sentBody }).then((response) => response.status);

    expect(verifyWebhook(secret, headers, body.replace("EHA-1", "EHA-2"), stamp)).toEqual({ status: "bad-signature" });
    expect(await post(headers, body.replace("EHA-1", "EHA-2"))).toBe(401);
    expect(await post(signedHeaders("whsec_" + Buffer.alloc(24, 7).toString("base64"), "msg_test", stamp, body), body)).toBe(401);
    expect(await post(signedHeaders(secret, "msg_test", stamp - 301, body), body)).toBe(401);
    expect(receiver.accepted).toEqual([]);
    expect(await post(headers, body)).toBe(200);
    expect(receiver.accepted.map((got) => got.reference)).toEqual(["EHA-1"]);
  });

  it("does not follow a redirect to another host", async () => {
    let otherHostHits = 0;
    const other = await listen(
      createServer((_request, response) => {
        otherHostHits += 1;
        response.end("{}");
      }),
      0,
    );
    const otherPort = (other.address() as { port: number }).port;
    await listen(
      createServer((_request, response) => {
        response.writeHead(307, { location: `http://localhost:${otherPort}/hooks` });
        response.end();
      }),
    );
    const sent = await sendForm();

    expect((await dispatch())[0]).toMatchObject({ result: "retrying", reason: "HTTP 307 (a redirect: redirects are not followed)" });
    expect(otherHostHits).toBe(0);
    expect(await deliveryOf(sent.submissionId)).toMatchObject({ status: "retrying", lastError: "HTTP 307 (a redirect: redirects are not followed)" });
  });

  it("never contacts loopback without the development setting, nor a metadata address with it", async () => {
    let connections = 0;
    const listener = createTcpServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await listen(listener as unknown as Server);
    const sent = await sendForm();
    const strict = { allowLocal: false };

    // An https URL at a loopback address, then a name that resolves to loopback.
    await db.update(deliveryEndpoints).set({ url: `https://127.0.0.1:${port}/hooks` });
    expect((await dispatch(strict))[0]).toMatchObject({ result: "retrying", reason: "the endpoint is a loopback or unspecified address" });
    advance(30);
    await db.update(deliveryEndpoints).set({ url: `https://localhost:${port}/hooks` });
    expect((await dispatch(strict))[0]).toMatchObject({ result: "retrying", reason: "the endpoint's host resolves to a loopback or unspecified address" });
    advance(60);
    // Plain http is refused too, before any lookup.
    await db.update(deliveryEndpoints).set({ url: `http://127.0.0.1:${port}/hooks` });
    expect((await dispatch(strict))[0]).toMatchObject({ result: "retrying", reason: "the endpoint must be an https:// address" });
    expect(connections).toBe(0);

    advance(120);
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://[::ffff:169.254.169.254]/"]) {
      await db.update(deliveryEndpoints).set({ url });
      expect((await dispatch())[0]).toMatchObject({ result: "retrying", reason: "the endpoint is a link-local, metadata or multicast address" });
      advance(3600);
    }
    expect((await deliveryOf(sent.submissionId)).lastError).toBe("the endpoint is a link-local, metadata or multicast address");

    // An admin cannot set such an address either.
    const refused = await setTeamEndpoint(endpointDeps(), { userId: adminId }, { teamId: "early-help", url: "http://169.254.169.254/" });
    expect(refused).toEqual({ status: "invalid-url", problem: "is a link-local, metadata or multicast address" });
    expect(await setTeamEndpoint({ ...endpointDeps(), allowLocal: false }, { userId: adminId }, { teamId: "early-help", url: `http://case.council.example/hooks` })).toEqual({ status: "invalid-url", problem: "must be an https:// address" });
  });

  it("two dispatchers at once deliver each form once", async () => {
    const receiver = await startReceiver();
    const sent = [];
    for (let i = 0; i < 6; i++) sent.push(await sendForm());
    const second = createDb(database.url, { max: 2 });
    try {
      const rounds = await Promise.all([dispatch({ batchSize: 2 }), dispatch({ batchSize: 2 }, second.db), dispatch({ batchSize: 2 }), dispatch({ batchSize: 2 }, second.db)]);
      const again = await Promise.all([dispatch({}, second.db), dispatch()]);
      const delivered = [...rounds, ...again].flat().filter((outcome) => outcome.result === "delivered");
      expect(delivered).toHaveLength(6);
    } finally {
      await second.close();
    }
    expect(receiver.events.every((event) => event.kind === "accepted")).toBe(true);
    expect(receiver.accepted.map((got) => got.webhookId).sort()).toEqual(sent.map((form) => form.webhookId).sort());
  });

  it("marks a delivery failed once the retry window is spent, lists it for admins, and 'Retry now' makes it due again", async () => {
    const sent = await sendForm();
    // A 90-second window: tries at 0, +30 s, +90 s, then failed.
    const short = { windowSeconds: 90 };
    expect((await dispatch(short))[0]).toMatchObject({ result: "retrying", attempt: 1 });
    advance(30);
    expect((await dispatch(short))[0]).toMatchObject({ result: "retrying", attempt: 2 });
    advance(60);
    expect((await dispatch(short))[0]).toMatchObject({ result: "failed", attempt: 3 });
    advance(3600);
    expect(await dispatch(short)).toEqual([]);
    expect(await deliveryOf(sent.submissionId)).toMatchObject({ status: "failed", nextAttemptAt: null, lastError: "could not connect (ECONNREFUSED)" });
    expect(await listTroubledDeliveries(db)).toEqual([expect.objectContaining({ reference: sent.reference, teamName: "Early Help", status: "failed", attempts: 3 })]);

    const receiver = await startReceiver();
    expect(await retryDeliveryNow({ db, now: clock, ip: "203.0.113.5" }, { userId: adminId }, sent.submissionId)).toEqual({ status: "retrying" });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.event, "delivery-retried"));
    expect(audit).toMatchObject({ userId: adminId, detail: { submissionId: sent.submissionId, webhookId: sent.webhookId } });
    expect((await dispatch(short))[0]).toMatchObject({ result: "delivered", attempt: 4 });
    expect(receiver.accepted.map((got) => got.webhookId)).toEqual([sent.webhookId]);
    expect(await listTroubledDeliveries(db)).toEqual([]);
  });

  it("leaves a team without an endpoint's forms queued for the pull API", async () => {
    const sent = await sendForm();
    await db.delete(deliveryEndpoints);
    expect(await dispatch()).toEqual([]);
    expect(await deliveryOf(sent.submissionId)).toMatchObject({ status: "queued", attempts: 0 });
    // /api/health's backlog: this form has waited 10 minutes.
    advance(600);
    expect(await oldestUndeliveredAgeSeconds(db, clock)).toBe(600);
    const set = await setTeamEndpoint(endpointDeps(), { userId: adminId }, { teamId: "early-help", url: `http://127.0.0.1:${port}/hooks` });
    // A new endpoint gets a new secret, shown once.
    if (set.status !== "saved" || !set.newSecret) throw new Error("no secret");
    expect(set.newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(set.newSecret).not.toBe(secret);
    secret = set.newSecret;
    const receiver = await startReceiver();
    expect((await dispatch())[0]).toMatchObject({ result: "delivered" });
    expect(receiver.accepted.map((got) => got.webhookId)).toEqual([sent.webhookId]);
    expect(await oldestUndeliveredAgeSeconds(db, clock)).toBeNull();
  });

  it("the job worker pushes sent forms by itself, every few seconds", async () => {
    // The worker signs with the real clock, so the receiver checks against it too.
    const receiver = createReceiver({ secret });
    await listen(receiver.server);
    const worker = await startWorker({ databaseUrl: database.url, smtpUrl: process.env.SMTP_URL!, mailFrom: "children@portal.example", retryLimit: 1, retryDelaySeconds: 1, delivery: { ...settings, pollSeconds: 1 } });
    try {
      const sent = await sendForm();
      await waitFor(() => receiver.accepted.length > 0, 30_000, "the worker's push");
      expect(receiver.accepted.map((got) => got.webhookId)).toEqual([sent.webhookId]);
      await waitFor(async () => (await deliveryOf(sent.submissionId)).status === "delivered", 10_000, "the delivery marked delivered");
    } finally {
      await worker.stop();
    }
  });
});
