/**
 * The demo gazetteer: an AddressProvider over a fixed list of addresses, the bundled made-up
 * ones (gazetteer-data.ts) by default or a test's own. For development, tests and
 * demonstrations only: production mode refuses it (ADDRESS_PROVIDER must be os-places).
 */
import { compactPostcode, lookupOf, narrowByHouse, withLabel, type AddressMatch, type AddressProvider } from "./address-provider";
import { GAZETTEER_ADDRESSES } from "./gazetteer-data";

export function bundledGazetteer(addresses: readonly Omit<AddressMatch, "label">[] = GAZETTEER_ADDRESSES): AddressProvider {
  const matches = addresses.map(withLabel);
  return {
    find: async (postcode, houseNumber) => {
      const wanted = compactPostcode(postcode);
      const inPostcode = wanted === "" ? [] : matches.filter((match) => compactPostcode(match.postcode) === wanted);
      return lookupOf(narrowByHouse(inPostcode, houseNumber).map((match) => ({ ...match })));
    },
    byUprn: async (uprn) => {
      const match = matches.find((candidate) => candidate.uprn === uprn.trim());
      return match ? { status: "found", address: { ...match } } : { status: "none" };
    },
  };
}
