/**
 * What "Find address" looks addresses up through. The form engine sees only AddressProvider,
 * so the bundled demo gazetteer (gazetteer.ts) and OS Places (os-places.ts) are interchangeable;
 * which one the app uses is a setting (provider.ts). A lookup says whether the provider could
 * answer at all, so the page can tell "no addresses in this postcode" from "lookup is down".
 */

/** One address. `label` is the whole address on one line, for a list of matches. */
export type AddressMatch = { uprn: string; line1: string; line2?: string; town: string; postcode: string; label: string };

/** A postcode lookup: addresses, none in that postcode, or the provider could not answer. */
export type AddressLookup = { status: "found"; addresses: AddressMatch[] } | { status: "none" } | { status: "unavailable" };

/** A UPRN lookup, for resolving a pick from the list into its lines. */
export type UprnLookup = { status: "found"; address: AddressMatch } | { status: "none" } | { status: "unavailable" };

export interface AddressProvider {
  /** Addresses in the postcode (any case or spacing); narrowed by house number or name when any match it. */
  find(postcode: string, houseNumber?: string): Promise<AddressLookup>;
  /** The address with this UPRN. */
  byUprn(uprn: string): Promise<UprnLookup>;
}

/** A found list, or "none" when it is empty. */
export function lookupOf(addresses: AddressMatch[]): AddressLookup {
  return addresses.length > 0 ? { status: "found", addresses } : { status: "none" };
}

/** The address with its one-line label. */
export function withLabel(address: Omit<AddressMatch, "label">): AddressMatch {
  const label = [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(", ");
  return { ...address, label };
}

export function compactPostcode(postcode: string): string {
  return postcode.replace(/\s/g, "").toUpperCase();
}

/**
 * The addresses with a line starting with the house number or name typed (line 2 too, for "4" in
 * "Ordnance Survey" / "4 Adanac Drive"); all of them when
 * none does (a house number that matches nothing is likely mistyped: the whole postcode lets
 * the user pick).
 */
export function narrowByHouse(addresses: AddressMatch[], houseNumber: string | undefined): AddressMatch[] {
  const numbered = addresses.filter((match) => [match.line1, match.line2 ?? ""].some((line) => startsWithHouse(line, houseNumber ?? "")));
  return numbered.length > 0 ? numbered : addresses;
}

// "12" matches "12 Castle Street" (and "12A") but not "120 Castle Street"; "flat 1" not "Flat 10".
function startsWithHouse(line1: string, houseNumber: string): boolean {
  const wanted = houseNumber.trim().replace(/\s+/g, " ").toLowerCase();
  if (wanted === "") return true;
  const line = line1.toLowerCase();
  if (!line.startsWith(wanted)) return false;
  const next = line.charAt(wanted.length);
  return !/\d/.test(wanted.slice(-1)) || !/\d/.test(next);
}
