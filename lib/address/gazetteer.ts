/**
 * Where "Find address" looks addresses up. The form engine only sees AddressProvider, so a
 * council swaps the bundled list (gazetteer-data.ts, made-up addresses for development and
 * demonstrations) for its own gazetteer, usually OS Places, in getAddressProvider() alone.
 */
import { GAZETTEER_ADDRESSES } from "./gazetteer-data";

/** One address from the gazetteer. `label` is the whole address on one line, for a list of matches. */
export type AddressMatch = { uprn: string; line1: string; line2?: string; town: string; postcode: string; label: string };

export interface AddressProvider {
  /** Addresses in the postcode (any case or spacing); narrowed by house number or name when any match it. */
  find(postcode: string, houseNumber?: string): Promise<AddressMatch[]>;
  /** The address with this UPRN, or undefined when the gazetteer has none. */
  byUprn(uprn: string): Promise<AddressMatch | undefined>;
}

/** A provider over a fixed list of addresses: the bundled one by default, or a test's own. */
export function bundledGazetteer(addresses: readonly Omit<AddressMatch, "label">[] = GAZETTEER_ADDRESSES): AddressProvider {
  const matches = addresses.map(withLabel);
  return {
    find: async (postcode, houseNumber) => {
      const wanted = compactPostcode(postcode);
      if (wanted === "") return [];
      const inPostcode = matches.filter((match) => compactPostcode(match.postcode) === wanted);
      const numbered = inPostcode.filter((match) => startsWithHouse(match.line1, houseNumber ?? ""));
      // A house number that matches nothing is likely mistyped: showing the whole postcode lets the user pick.
      return (numbered.length > 0 ? numbered : inPostcode).map((match) => ({ ...match }));
    },
    byUprn: async (uprn) => {
      const match = matches.find((candidate) => candidate.uprn === uprn.trim());
      return match && { ...match };
    },
  };
}

const defaultProvider = bundledGazetteer();

/**
 * The provider the app uses. A council with an OS Places (or other gazetteer) licence returns
 * its own AddressProvider here, e.g. one calling the OS Places postcode and UPRN endpoints.
 */
export function getAddressProvider(): AddressProvider {
  return defaultProvider;
}

function withLabel(address: Omit<AddressMatch, "label">): AddressMatch {
  const label = [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(", ");
  return { ...address, label };
}

function compactPostcode(postcode: string): string {
  return postcode.replace(/\s/g, "").toUpperCase();
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
