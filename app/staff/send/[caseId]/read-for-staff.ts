import { notFound, redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { clientAddress } from "@/app/_security/client-address";
import { sendDeps } from "@/app/_send/send-deps";
import type { StaffUser } from "@/lib/auth/roles";
import type { SendDeps } from "@/lib/send/deps";

type Refused = { status: "not-found" } | { status: "forbidden" };

/**
 * The one read behind a SEND case page, as the signed-in caseworker (someone signed out signs
 * in and comes back to `path`): a case that does not exist is a 404, and one the caseworker may
 * not see sends them to "not allowed".
 */
export async function readForStaff<Found extends { status: string }>(path: string, read: (deps: SendDeps, staff: StaffUser) => Promise<Found | Refused>): Promise<Found> {
  const user = await requireStaff(path);
  const result = await read(sendDeps(), { userId: user.userId, role: user.role, ip: await clientAddress() });
  if (result.status === "not-found") notFound();
  if (result.status === "forbidden") redirect("/account/not-allowed");
  return result as Found;
}
