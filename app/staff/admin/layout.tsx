import type { ReactNode } from "react";
import { requireCouncilAdmin } from "@/app/_auth/current-user";

/** /staff/admin is for council admins only (any other staff member gets the 404 page); each action checks again itself. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireCouncilAdmin("/staff/admin");
  return children;
}
