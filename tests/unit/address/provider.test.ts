/** Which address lookup the settings choose: the demo gazetteer by default, OS Places by setting. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressProviderFrom } from "@/lib/address/provider";
import { ConfigError, readAddressSettings } from "@/lib/config/env";
import { dpa, startFakeOsPlaces, type FakeOsPlaces } from "../../support/fake-os-places";

let os: FakeOsPlaces;
beforeAll(async () => {
  os = await startFakeOsPlaces([dpa({ UPRN: "200010019924", BUILDING_NUMBER: "4", THOROUGHFARE_NAME: "ADANAC DRIVE", POST_TOWN: "SOUTHAMPTON", POSTCODE: "SO16 0AS" })]);
});
afterAll(() => os.close());

describe("the address provider from settings", () => {
  it("is the demo gazetteer when unset or demo", async () => {
    for (const source of [{}, { ADDRESS_PROVIDER: "demo" }]) {
      expect(await addressProviderFrom(readAddressSettings(source)).find("DY2 7QT", "22")).toMatchObject({ status: "found", addresses: [{ line1: "22 Netherton Road" }] });
    }
  });

  it("is OS Places at OS_PLACES_BASE_URL with OS_PLACES_API_KEY when ADDRESS_PROVIDER=os-places", async () => {
    const provider = addressProviderFrom(readAddressSettings({ ADDRESS_PROVIDER: "os-places", OS_PLACES_API_KEY: "test-key", OS_PLACES_BASE_URL: os.baseUrl }));
    expect(await provider.find("SO16 0AS")).toMatchObject({ status: "found", addresses: [{ line1: "4 Adanac Drive", town: "Southampton" }] });
    expect(await provider.find("DY2 7QT")).toEqual({ status: "none" });
    expect(os.requests.map((request) => request.key)).toEqual(["test-key", "test-key"]);
  });

  it("refuses os-places without its key", () => {
    expect(() => addressProviderFrom(readAddressSettings({ ADDRESS_PROVIDER: "os-places" }))).toThrow(ConfigError);
  });
});
