/**
 * Which address a request came from. The socket's address, unless the socket is a proxy we
 * were told to trust (TRUSTED_PROXIES): then X-Forwarded-For is read from the right, skipping
 * trusted hops, and the first untrusted address is the client. The left-most value, which any
 * client can write, is never believed on its own.
 */
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

export type Trust = (address: string, hop: number) => boolean;

/**
 * TRUSTED_PROXIES: unset trusts nobody; a number trusts that many hops in front of the portal;
 * otherwise a comma list of addresses, CIDR ranges or proxy-addr's names ("loopback",
 * "linklocal", "uniquelocal").
 */
export function compileTrust(setting: string | undefined): Trust {
  const value = setting?.trim();
  if (!value) return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(value.split(",").map((part) => part.trim()).filter(Boolean));
}

export function resolveClientAddress(request: IncomingMessage, trust: Trust): string {
  return plainAddress(proxyaddr(request, trust));
}

/** "::ffff:10.0.0.1" is 10.0.0.1. */
export function plainAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

export function isLoopback(address: string | null | undefined): boolean {
  if (!address) return false;
  const plain = plainAddress(address);
  return plain === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}
