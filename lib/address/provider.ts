import "server-only";
/**
 * The AddressProvider the app uses, chosen by settings: ADDRESS_PROVIDER=os-places with
 * OS_PLACES_API_KEY (and OS_PLACES_BASE_URL, OS's address by default), or the demo gazetteer,
 * which is the default and which production mode refuses (lib/config/env.ts).
 */
import { ConfigError, readAddressSettings, type AddressSettings } from "@/lib/config/env";
import type { AddressProvider } from "./address-provider";
import { bundledGazetteer } from "./gazetteer";
import { osPlacesProvider } from "./os-places";

export function addressProviderFrom(settings: AddressSettings): AddressProvider {
  if (settings.ADDRESS_PROVIDER !== "os-places") return bundledGazetteer();
  if (settings.OS_PLACES_API_KEY === undefined) throw new ConfigError(["OS_PLACES_API_KEY is missing (ADDRESS_PROVIDER=os-places needs it)"]);
  return osPlacesProvider({ apiKey: settings.OS_PLACES_API_KEY, baseUrl: settings.OS_PLACES_BASE_URL });
}

let shared: AddressProvider | undefined;

/** The app's provider, built from the environment on first use. */
export function getAddressProvider(): AddressProvider {
  shared ??= addressProviderFrom(readAddressSettings());
  return shared;
}
