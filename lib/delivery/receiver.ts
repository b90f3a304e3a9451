/**
 * The reference receiver: what a council's case system does with the portal's webhooks, in one
 * small HTTP server (`npm run receiver`, lib/runtime/receiver-cli.ts; the integration tests run
 * it on loopback). It reads the raw body, verifies the Standard Webhooks signature against it
 * (signature.ts: a bad signature or a timestamp more than 5 minutes off is a 401, missing headers
 * a 400), takes each `webhook-id` once (a repeat is answered 200 again with the same case-system
 * id and not processed twice), and answers `{"caseSystemId": "…"}`, which the portal records.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { verifyWebhook, type Verification } from "./webhooks/signature";

export type ReceivedWebhook = { webhookId: string; timestampSeconds: number; body: string; reference: string | null; caseSystemId: string };
export type ReceiverEvent = ({ kind: "accepted" | "duplicate" } & ReceivedWebhook) | { kind: "rejected"; status: Exclude<Verification["status"], "verified"> | "too-large" | "not-post"; webhookId: string | null };

export type ReceiverOptions = {
  secret: string;
  /** The receiver's clock, for the timestamp check (tests move it). */
  now?: () => Date;
  onEvent?: (event: ReceiverEvent) => void;
};

export type Receiver = { server: Server; accepted: ReceivedWebhook[]; events: ReceiverEvent[] };

const MAX_BODY_BYTES = 20 * 1024 * 1024;

async function rawBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function referenceOf(body: string): string | null {
  try {
    const reference = (JSON.parse(body) as { data?: { reference?: unknown } }).data?.reference;
    return typeof reference === "string" ? reference : null;
  } catch {
    return null;
  }
}

export function createReceiver(options: ReceiverOptions): Receiver {
  const accepted: ReceivedWebhook[] = [];
  const events: ReceiverEvent[] = [];
  const byWebhookId = new Map<string, ReceivedWebhook>();
  const now = options.now ?? (() => new Date());
  const record = (event: ReceiverEvent) => {
    events.push(event);
    options.onEvent?.(event);
  };

  const server = createServer((request, response) => {
    const answer = (status: number, body: object) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const headerId = request.headers["webhook-id"];
    const webhookId = typeof headerId === "string" ? headerId : null;
    if (request.method !== "POST") {
      record({ kind: "rejected", status: "not-post", webhookId });
      return answer(405, { error: "POST only" });
    }
    rawBody(request).then(
      (body) => {
        if (body === null) {
          record({ kind: "rejected", status: "too-large", webhookId });
          return answer(413, { error: "too large" });
        }
        const verification = verifyWebhook(options.secret, request.headers, body, Math.floor(now().getTime() / 1000));
        if (verification.status !== "verified") {
          record({ kind: "rejected", status: verification.status, webhookId });
          return answer(verification.status === "missing-headers" ? 400 : 401, { error: verification.status });
        }
        const seen = byWebhookId.get(verification.webhookId);
        if (seen) {
          record({ kind: "duplicate", ...seen, timestampSeconds: verification.timestampSeconds });
          return answer(200, { caseSystemId: seen.caseSystemId, duplicate: true });
        }
        const received: ReceivedWebhook = { webhookId: verification.webhookId, timestampSeconds: verification.timestampSeconds, body, reference: referenceOf(body), caseSystemId: `CASE-${accepted.length + 1}` };
        byWebhookId.set(received.webhookId, received);
        accepted.push(received);
        record({ kind: "accepted", ...received });
        answer(200, { caseSystemId: received.caseSystemId });
      },
      () => answer(400, { error: "could not read the body" }),
    );
  });
  return { server, accepted, events };
}
