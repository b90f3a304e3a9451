import "server-only";
import { headers } from "next/headers";
import { clientAddressOf } from "@/lib/security/client-address";

/** The caller's address for throttles and audit rows (see lib/security/client-address.ts). */
export async function clientAddress(): Promise<string | null> {
  return clientAddressOf(await headers());
}
