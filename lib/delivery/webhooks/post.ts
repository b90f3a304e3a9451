/**
 * One webhook POST, with the SSRF rules of endpoint-address.ts: https only unless local endpoints
 * are allowed (development), the host's addresses checked and pinned, redirects never followed
 * (a 3xx is a failure naming its status), a time limit on the whole exchange, and at most 64 KB
 * of the answer read (enough for `{"caseSystemId": "…"}`).
 */
import http from "node:http";
import https from "node:https";
import { checkedLookup, literalAddressOf, refusalOf, RefusedAddressError, type AddressPolicy } from "./endpoint-address";

export type PostOptions = AddressPolicy & { timeoutMs: number };
export type PostResult = { status: "answered"; httpStatus: number; body: string } | { status: "refused"; reason: string } | { status: "failed"; reason: string };

const MAX_ANSWER_BYTES = 64 * 1024;

/** Why this URL may not be used as an endpoint at all (scheme, literal address), or null. */
export function endpointUrlProblem(raw: string, policy: AddressPolicy): string | null {
  if (!URL.canParse(raw)) return "not a URL";
  const url = new URL(raw);
  if (url.protocol !== "https:" && !(policy.allowLocal && url.protocol === "http:")) return "must be an https:// address";
  if (url.username || url.password) return "must not contain a user name or password";
  const literal = literalAddressOf(url);
  const refusal = literal ? refusalOf(literal, policy) : null;
  return refusal ? `is ${refusal}` : null;
}

export function postWebhook(rawUrl: string, headers: Record<string, string>, body: string, options: PostOptions): Promise<PostResult> {
  const problem = endpointUrlProblem(rawUrl, options);
  if (problem) return Promise.resolve({ status: "refused", reason: `the endpoint ${problem}` });
  const url = new URL(rawUrl);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let isSettled = false;
    const settle = (result: PostResult) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "childrens-portal-webhooks/1" },
        lookup: checkedLookup(options) as never,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        response.on("end", () => settle({ status: "answered", httpStatus: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", () => settle({ status: "failed", reason: "the answer broke off" }));
      },
    );
    const timer = setTimeout(() => settle({ status: "failed", reason: `no answer within ${Math.round(options.timeoutMs / 1000)} s` }), options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof RefusedAddressError) settle({ status: "refused", reason: `the endpoint's host resolves to ${error.reason}` });
      else settle({ status: "failed", reason: `could not connect (${error.code ?? error.name})` });
    });
    request.end(body);
  });
}
