import "server-only";
/**
 * The OS Places API as an AddressProvider: councils use it under the Public Sector Geospatial
 * Agreement. "Find address" asks GET {base}/postcode?postcode=…&dataset=DPA, a pick is resolved
 * by GET {base}/uprn?uprn=…&dataset=DPA (answer format: os-places-dpa.ts).
 *
 * From OS's documentation: the key may go in a `key` query parameter or a `key` HTTP header; it
 * goes in the header, so it is in no URL that a proxy or an error could write down. A page holds
 * at most 100 results (`maxresults`); `offset` pages on until `header.totalresults` are read.
 * Errors are HTTP 400 (a request OS refuses, e.g. a postcode it cannot read), 401 (key missing or
 * wrong), 403, 429 (over the rate limit) and 5xx, with `{ error: { statuscode, message } }`.
 *
 * A 400 is "no addresses" (the user can check the postcode or type the address); any other
 * failure, a timeout or an answer not in that format is "unavailable", so the page offers
 * "Enter address manually" with a message. Logged as event names and HTTP statuses only: never
 * the postcode (a user typed it), the URL that holds it, or the key.
 */
import { logEvent } from "@/lib/log";
import { lookupOf, narrowByHouse, type AddressMatch, type AddressProvider } from "./address-provider";
import { addressesOf, osPlacesPageSchema, type OsPlacesPage } from "./os-places-dpa";

export const OS_PLACES_BASE_URL = "https://api.os.uk/search/places/v1";

export type OsPlacesSettings = {
  apiKey: string;
  /** OS_PLACES_BASE_URL by default; the tests point it at a local server. */
  baseUrl?: string;
  /** Per request. */
  timeoutMs?: number;
  /** A postcode with more addresses than this shows the first ones only. */
  maxAddresses?: number;
};

const PAGE_SIZE = 100;

type PageResult = { status: "page"; page: OsPlacesPage } | { status: "refused" } | { status: "unavailable" };

export function osPlacesProvider(settings: OsPlacesSettings): AddressProvider {
  const baseUrl = (settings.baseUrl ?? OS_PLACES_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = settings.timeoutMs ?? 5000;
  const maxAddresses = settings.maxAddresses ?? 500;

  async function fetchPage(resource: "postcode" | "uprn", query: Record<string, string>): Promise<PageResult> {
    const url = `${baseUrl}/${resource}?${new URLSearchParams({ ...query, dataset: "DPA" })}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { key: settings.apiKey, accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const isTimeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      return unavailable(resource, isTimeout ? "timeout" : "network");
    }
    if (response.status === 400) {
      await response.body?.cancel();
      logEvent("address.lookup-refused", { provider: "os-places", resource, status: 400 });
      return { status: "refused" };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return unavailable(resource, "status", response.status);
    }
    try {
      const page = osPlacesPageSchema.safeParse(await response.json());
      return page.success ? { status: "page", page: page.data } : unavailable(resource, "format");
    } catch (error) {
      const isTimeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      return unavailable(resource, isTimeout ? "timeout" : "format");
    }
  }

  return {
    async find(postcode, houseNumber) {
      const addresses: AddressMatch[] = [];
      // Results read so far, which is the next page's offset (a result without a DPA is skipped).
      let read = 0;
      let total = Infinity;
      while (read < Math.min(total, maxAddresses)) {
        const maxresults = String(Math.min(PAGE_SIZE, maxAddresses - read));
        const result = await fetchPage("postcode", { postcode: postcode.trim(), maxresults, offset: String(read) });
        if (result.status === "unavailable") return result;
        if (result.status === "refused") return { status: "none" };
        const count = result.page.results?.length ?? 0;
        total = result.page.header.totalresults;
        addresses.push(...addressesOf(result.page));
        read += count;
        // A page with nothing on it ends the walk, whatever the header promised.
        if (count === 0) break;
      }
      return lookupOf(narrowByHouse(addresses, houseNumber));
    },
    async byUprn(uprn) {
      const wanted = uprn.trim();
      if (!/^\d{1,12}$/.test(wanted)) return { status: "none" };
      const result = await fetchPage("uprn", { uprn: wanted });
      if (result.status === "unavailable") return result;
      if (result.status === "refused") return { status: "none" };
      const address = addressesOf(result.page).find((candidate) => candidate.uprn === wanted);
      return address ? { status: "found", address } : { status: "none" };
    },
  };
}

function unavailable(resource: string, reason: "timeout" | "network" | "status" | "format", status?: number): { status: "unavailable" } {
  logEvent("address.lookup-unavailable", { provider: "os-places", resource, reason, status });
  return { status: "unavailable" };
}
