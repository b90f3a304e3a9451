/**
 * The OS Places client against a local server answering in OS's documented format
 * (tests/support/fake-os-places.ts): found, paged, none, refused, failing, hanging, garbage.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AddressLookup } from "@/lib/address/address-provider";
import { osPlacesProvider } from "@/lib/address/os-places";
import { dpa, startFakeOsPlaces, type FakeOsPlaces } from "../../support/fake-os-places";

const street = (number: number) => dpa({ UPRN: String(100000000000 + number), BUILDING_NUMBER: String(number), THOROUGHFARE_NAME: "LONG STREET", POST_TOWN: "LEEDS", POSTCODE: "LS1 1AA" });

const ADDRESSES = [
  dpa({ UPRN: "200010019924", ORGANISATION_NAME: "ORDNANCE SURVEY", BUILDING_NUMBER: "4", THOROUGHFARE_NAME: "ADANAC DRIVE", DEPENDENT_LOCALITY: "NURSLING", POST_TOWN: "SOUTHAMPTON", POSTCODE: "SO16 0AS" }),
  dpa({ UPRN: "200010019925", SUB_BUILDING_NAME: "FLAT 2", BUILDING_NAME: "ADANAC HOUSE", BUILDING_NUMBER: "6", THOROUGHFARE_NAME: "ADANAC DRIVE", DEPENDENT_LOCALITY: "NURSLING", POST_TOWN: "SOUTHAMPTON", POSTCODE: "SO16 0AS" }),
  dpa({ UPRN: "200010019926", BUILDING_NAME: "12A", THOROUGHFARE_NAME: "ADANAC DRIVE", POST_TOWN: "SOUTHAMPTON", POSTCODE: "SO16 0AS" }),
  ...Array.from({ length: 250 }, (_, index) => street(index + 1)),
];

let os: FakeOsPlaces;
const client = (extra: { timeoutMs?: number; maxAddresses?: number; apiKey?: string } = {}) => osPlacesProvider({ apiKey: "test-key", baseUrl: os.baseUrl, ...extra });
const addressesIn = (lookup: AddressLookup) => (lookup.status === "found" ? lookup.addresses : []);

beforeAll(async () => {
  os = await startFakeOsPlaces(ADDRESSES);
});
afterAll(() => os.close());
afterEach(() => {
  os.behave({ kind: "answer" });
  os.requests.length = 0;
  vi.restoreAllMocks();
});

describe("the OS Places client", () => {
  it("finds a postcode's addresses on one page, as our address lines", async () => {
    const lookup = await client().find("so16 0as");
    expect(addressesIn(lookup)).toEqual([
      { uprn: "200010019924", line1: "Ordnance Survey", line2: "4 Adanac Drive, Nursling", town: "Southampton", postcode: "SO16 0AS", label: "Ordnance Survey, 4 Adanac Drive, Nursling, Southampton, SO16 0AS" },
      { uprn: "200010019925", line1: "Flat 2, Adanac House", line2: "6 Adanac Drive, Nursling", town: "Southampton", postcode: "SO16 0AS", label: "Flat 2, Adanac House, 6 Adanac Drive, Nursling, Southampton, SO16 0AS" },
      { uprn: "200010019926", line1: "12A", line2: "Adanac Drive", town: "Southampton", postcode: "SO16 0AS", label: "12A, Adanac Drive, Southampton, SO16 0AS" },
    ]);
    expect(os.requests).toHaveLength(1);
    const [request] = os.requests;
    expect(request!.path).toBe("/search/places/v1/postcode");
    expect(Object.fromEntries(request!.query)).toEqual({ postcode: "so16 0as", dataset: "DPA", maxresults: "100", offset: "0" });
    // The key goes in OS's `key` header, never in the URL.
    expect(request!.key).toBe("test-key");
  });

  it("narrows by house number, on either line", async () => {
    expect(addressesIn(await client().find("SO16 0AS", "4")).map((address) => address.uprn)).toEqual(["200010019924"]);
    expect(addressesIn(await client().find("SO16 0AS", "flat 2")).map((address) => address.uprn)).toEqual(["200010019925"]);
  });

  it("follows offset until totalresults are read (250 over three pages)", async () => {
    const found = addressesIn(await client().find("LS1 1AA"));
    expect(found).toHaveLength(250);
    expect(new Set(found.map((address) => address.uprn)).size).toBe(250);
    expect(found.at(-1)).toMatchObject({ line1: "250 Long Street", town: "Leeds" });
    expect(os.requests.map((request) => [request.query.get("offset"), request.query.get("maxresults")])).toEqual([["0", "100"], ["100", "100"], ["200", "100"]]);
  });

  it("stops at its cap on addresses", async () => {
    expect(addressesIn(await client({ maxAddresses: 150 }).find("LS1 1AA"))).toHaveLength(150);
    expect(os.requests.map((request) => [request.query.get("offset"), request.query.get("maxresults")])).toEqual([["0", "100"], ["100", "50"]]);
  });

  it("says none for a postcode without addresses (a header and no results) or one OS refuses (400)", async () => {
    expect(await client().find("ZZ9 9ZZ")).toEqual({ status: "none" });
    os.behave({ kind: "status", status: 400 });
    expect(await client().find("SO16 0AS")).toEqual({ status: "none" });
  });

  it("is unavailable on 401, 403, 429 and 5xx", async () => {
    expect(await client({ apiKey: "wrong-key" }).find("SO16 0AS")).toEqual({ status: "unavailable" });
    for (const status of [401, 403, 429, 500, 502, 503]) {
      os.behave({ kind: "status", status });
      expect(await client().find("SO16 0AS"), `HTTP ${status}`).toEqual({ status: "unavailable" });
    }
  });

  it("is unavailable when a page fails part-way through the paging", async () => {
    os.behave({ kind: "fail-after", answers: 1, status: 503 });
    expect(await client().find("LS1 1AA")).toEqual({ status: "unavailable" });
    expect(os.requests.map((request) => request.query.get("offset"))).toEqual(["0", "100"]);
  });

  it("gives up on a server that does not answer, after its timeout", async () => {
    os.behave({ kind: "hang" });
    const started = Date.now();
    expect(await client({ timeoutMs: 300 }).find("SO16 0AS")).toEqual({ status: "unavailable" });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("is unavailable on malformed JSON, or JSON not in OS's format", async () => {
    os.behave({ kind: "text", body: '{"header": {"totalresults": 3}, "results": [' });
    expect(await client().find("SO16 0AS")).toEqual({ status: "unavailable" });
    os.behave({ kind: "text", body: JSON.stringify({ addresses: [] }) });
    expect(await client().find("SO16 0AS")).toEqual({ status: "unavailable" });
  });

  it("is unavailable when nothing listens", async () => {
    const closed = osPlacesProvider({ apiKey: "test-key", baseUrl: "http://127.0.0.1:9/search/places/v1" });
    expect(await closed.find("SO16 0AS")).toEqual({ status: "unavailable" });
  });

  it("resolves a picked UPRN, and says none for one it does not know", async () => {
    expect(await client().byUprn("200010019925")).toEqual({ status: "found", address: addressesIn(await client().find("SO16 0AS", "flat 2"))[0] });
    expect(os.requests[0]!.path).toBe("/search/places/v1/uprn");
    expect(Object.fromEntries(os.requests[0]!.query)).toEqual({ uprn: "200010019925", dataset: "DPA" });
    expect(await client().byUprn("999999999999")).toEqual({ status: "none" });
    expect(await client().byUprn("not-a-uprn")).toEqual({ status: "none" });
    os.behave({ kind: "status", status: 500 });
    expect(await client().byUprn("200010019925")).toEqual({ status: "unavailable" });
  });

  it("logs event names and statuses, never the postcode or the key", async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    os.behave({ kind: "status", status: 429 });
    await client().find("SO16 0AS");
    os.behave({ kind: "status", status: 400 });
    await client().find("SO16 0AS");
    vi.restoreAllMocks();
    const events = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toEqual([
      expect.objectContaining({ event: "address.lookup-unavailable", provider: "os-places", reason: "status", status: 429 }),
      expect.objectContaining({ event: "address.lookup-refused", provider: "os-places", status: 400 }),
    ]);
    expect(written.join("")).not.toMatch(/SO16|test-key/i);
  });
});
