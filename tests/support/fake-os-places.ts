/**
 * A stand-in for the OS Places API on loopback (node:http), answering /postcode and /uprn in
 * OS's documented format: a header (totalresults, offset, maxresults, …) and `results` of
 * `{ DPA: … }`, `results` left out when there are none; errors as `{ error: { statuscode,
 * message } }`. A test can make it fail, hang or answer garbage, and reads the requests it got.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Dpa = Record<string, string | number>;
/** "fail-after": answers that many requests, then fails every one with `status`. */
export type Behaviour = { kind: "answer" } | { kind: "fail-after"; answers: number; status: number } | { kind: "status"; status: number } | { kind: "hang" } | { kind: "text"; body: string };
export type SeenRequest = { path: string; query: URLSearchParams; key: string | undefined };

export type FakeOsPlaces = {
  baseUrl: string;
  requests: SeenRequest[];
  behave(behaviour: Behaviour): void;
  close(): Promise<void>;
};

/** A DPA as OS writes one: capitals, numbers where OS gives numbers, empty fields left out. */
export function dpa(fields: { UPRN: string; POSTCODE: string; POST_TOWN: string } & Record<string, string>): Dpa {
  const { UPRN, POSTCODE, POST_TOWN, ...rest } = fields;
  const address = [...Object.values(rest), POST_TOWN, POSTCODE].join(", ");
  return { UPRN, UDPRN: "52126562", ADDRESS: address, ...rest, POST_TOWN, POSTCODE, RPC: "1", X_COORDINATE: 437292.43, Y_COORDINATE: 115541.95, STATUS: "APPROVED", LOGICAL_STATUS_CODE: "1", CLASSIFICATION_CODE: "RD04", LOCAL_CUSTODIAN_CODE: 1760, COUNTRY_CODE: "E", MATCH: 1.0, MATCH_DESCRIPTION: "EXACT" };
}

export async function startFakeOsPlaces(addresses: Dpa[]): Promise<FakeOsPlaces> {
  const requests: SeenRequest[] = [];
  let behaviour: Behaviour = { kind: "answer" };
  const hanging = new Set<ServerResponse>();

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const key = request.headers.key;
    requests.push({ path: url.pathname, query: url.searchParams, key: typeof key === "string" ? key : undefined });
    if (behaviour.kind === "hang") return void hanging.add(response);
    if (behaviour.kind === "text") return void response.writeHead(200, { "content-type": "application/json" }).end(behaviour.body);
    if (behaviour.kind === "status") return void sendError(response, behaviour.status);
    if (behaviour.kind === "fail-after" && behaviour.answers-- <= 0) return void sendError(response, behaviour.status);
    if (key !== "test-key") return void sendError(response, 401);
    const resource = url.pathname.split("/").at(-1);
    const compact = (value: unknown) => String(value).replace(/\s/g, "").toUpperCase();
    const matching =
      resource === "postcode"
        ? addresses.filter((address) => compact(address.POSTCODE) === compact(url.searchParams.get("postcode")))
        : addresses.filter((address) => address.UPRN === url.searchParams.get("uprn"));
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const maxresults = Number(url.searchParams.get("maxresults") ?? 100);
    const page = matching.slice(offset, offset + maxresults);
    const header = {
      uri: url.href,
      query: `${resource}=${url.searchParams.get(resource ?? "")}`,
      offset,
      totalresults: matching.length,
      format: "JSON",
      dataset: "DPA",
      lr: "EN,CY",
      maxresults,
      epoch: "117",
      lastupdate: "2025-05-01",
      output_srs: "EPSG:27700",
    };
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(page.length > 0 ? { header, results: page.map((DPA) => ({ DPA })) } : { header }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/search/places/v1`,
    requests,
    behave: (next) => void (behaviour = { ...next }),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const MESSAGES: Record<number, string> = {
  400: "Requested postcode must contain a minimum of the sector plus 1 digit of the district e.g. SO1.",
  401: "Missing or unsupported API key provided.",
  429: "Rate limit exceeded.",
};

function sendError(response: ServerResponse, status: number) {
  const body = { error: { statuscode: status, message: MESSAGES[status] ?? "Internal server error." } };
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
