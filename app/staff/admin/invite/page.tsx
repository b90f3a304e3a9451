import type { Metadata } from "next";
import { requireCouncilAdmin } from "@/app/_auth/current-user";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { getDb } from "@/db/client";
import { listTeams } from "@/lib/staff/teams";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Invite a staff member" };

export default async function InvitePage() {
  await requireCouncilAdmin("/staff/admin/invite");
  const teams = await listTeams(getDb());
  return (
    <div className="max-w-[40em]">
      <StaffNav current="admin-invite" />
      <InviteForm teams={teams} />
    </div>
  );
}
