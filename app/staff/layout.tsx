import type { ReactNode } from "react";
import { requireStaff } from "@/app/_auth/current-user";

/** Every /staff page is for caseworkers and admins; each action and route checks again itself. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requireStaff("/staff");
  return children;
}
