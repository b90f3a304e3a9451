/**
 * Which addresses a webhook may reach (SSRF guard). The endpoint's host is resolved once, every
 * address it resolves to is checked, and the request connects to the checked address (post.ts
 * gives Node this lookup), so a DNS answer that changes between check and connect cannot steer
 * it elsewhere. Refused always: link-local (169.254/16, fe80::/10, which hold the cloud metadata
 * services at 169.254.169.254 and fd00:ec2::254), the metadata address fd00:ec2::254 itself,
 * multicast. Refused unless the development setting allows local endpoints: loopback and the
 * unspecified address. Private ranges (10/8, 172.16/12, 192.168/16, fc00::/7) are allowed: a
 * council's case system usually sits on its own network.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

const alwaysRefused = new BlockList();
alwaysRefused.addSubnet("169.254.0.0", 16, "ipv4");
alwaysRefused.addSubnet("224.0.0.0", 4, "ipv4");
alwaysRefused.addAddress("255.255.255.255", "ipv4");
alwaysRefused.addSubnet("fe80::", 10, "ipv6");
alwaysRefused.addAddress("fd00:ec2::254", "ipv6");
alwaysRefused.addSubnet("ff00::", 8, "ipv6");

const localOnly = new BlockList();
localOnly.addSubnet("127.0.0.0", 8, "ipv4");
localOnly.addSubnet("0.0.0.0", 8, "ipv4");
localOnly.addAddress("::1", "ipv6");
localOnly.addAddress("::", "ipv6");

export type AddressPolicy = { allowLocal: boolean };

/** Why this address may not be reached, or null when it may. */
export function refusalOf(address: string, policy: AddressPolicy): string | null {
  const family = isIP(address);
  if (family === 0) return "not an IP address";
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
  if (mapped) return refusalOf(mapped, policy);
  const type = family === 4 ? "ipv4" : "ipv6";
  if (alwaysRefused.check(address, type)) return "a link-local, metadata or multicast address";
  if (!policy.allowLocal && localOnly.check(address, type)) return "a loopback or unspecified address";
  return null;
}

export class RefusedAddressError extends Error {
  constructor(readonly reason: string) {
    super(`refused address: ${reason}`);
    this.name = "RefusedAddressError";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request / net.connect: resolves every address, refuses the host if any
 * of them is refused (a name that also points at loopback is not a case system), and hands Node
 * only the checked addresses.
 */
export function checkedLookup(policy: AddressPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, family: typeof options.family === "number" ? options.family : 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.map((entry) => refusalOf(entry.address, policy)).find((reason) => reason !== null);
      if (refused || addresses.length === 0) return callback(new RefusedAddressError(refused ?? "no address"), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** An IP written in the URL itself is never looked up by Node, so it is checked here. */
export function literalAddressOf(url: URL): string | null {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? host : null;
}
