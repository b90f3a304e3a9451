/**
 * Who the client is. The portal's own web server (lib/runtime/web-server.mjs) works the address
 * out from the socket, believing X-Forwarded-For only through TRUSTED_PROXIES (right-most
 * untrusted hop), and passes it on in this header, overwriting anything a client sent in it.
 * Throttles and audit rows read it from here and nowhere else.
 */
export const CLIENT_ADDRESS_HEADER = "x-portal-client-address";

export function clientAddressOf(headers: Pick<Headers, "get">): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER) || null;
}
