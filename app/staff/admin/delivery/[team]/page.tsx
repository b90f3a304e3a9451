import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCouncilAdmin } from "@/app/_auth/current-user";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { NotificationBanner } from "@/components/notification-banner";
import { getDb } from "@/db/client";
import { listTeamEndpoints } from "@/lib/delivery/webhooks/endpoints";
import { EndpointForms } from "./endpoint-forms";

export const metadata: Metadata = { title: "Team endpoint" };

/** One team's webhook endpoint: its address (set, change, remove) and a new signing secret. */
export default async function TeamEndpointPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { team: teamId } = await params;
  await requireCouncilAdmin(`/staff/admin/delivery/${teamId}`);
  const query = await searchParams;
  const team = (await listTeamEndpoints(getDb())).find((entry) => entry.teamId === teamId);
  if (!team) notFound();
  return (
    <div className="max-w-[40em]">
      <StaffNav current="admin-delivery-team" extra={[{ href: "/staff/admin/delivery", text: "Back to delivery" }]} />
      {query.done === "saved" && <NotificationBanner type="success" heading="Endpoint address saved. The next deliveries go there, signed with the same secret." />}
      <EndpointForms teamId={team.teamId} teamName={team.teamName} url={team.url} />
    </div>
  );
}
