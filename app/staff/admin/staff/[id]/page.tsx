import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCouncilAdmin } from "@/app/_auth/current-user";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { disableStaffAction, enableStaffAction } from "@/app/staff/admin/actions";
import { describeMemberships, membershipValues } from "@/app/staff/admin/_components/describe-memberships";
import { Button } from "@/components/button";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList } from "@/components/summary-list";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/lib/format/dates";
import { staffMember } from "@/lib/staff/people";
import { listTeams, teamNamer } from "@/lib/staff/teams";
import { AccessForm } from "./access-form";

export const metadata: Metadata = { title: "Staff member" };

const BANNERS: Record<string, { type: "success" | "info"; text: string }> = {
  access: { type: "success", text: "Teams and role saved. They hold from this staff member's next page." },
  disabled: { type: "success", text: "Account disabled. They have been signed out everywhere and cannot sign in." },
  enabled: { type: "success", text: "Account enabled. They can sign in again with their own password and an emailed code." },
  self: { type: "info", text: "You cannot disable your own account. Ask another council admin to do it." },
};

/** One staff member: who they are, their teams and role (changeable), and disable or re-enable. */
export default async function StaffMemberPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const admin = await requireCouncilAdmin(`/staff/admin/staff/${id}`);
  const query = await searchParams;
  const [person, teams] = await Promise.all([staffMember(getDb(), admin, id), listTeams(getDb())]);
  if (!person) notFound();
  const banner = BANNERS[String(query.done ?? query.refused ?? "")];
  const isSelf = person.id === admin.userId;
  return (
    <div className="max-w-[40em]">
      <StaffNav current="admin-staff" extra={[{ href: "/staff/admin", text: "Back to the staff list" }]} />
      {banner && <NotificationBanner type={banner.type} heading={banner.text} />}
      <h1 className="heading-xl mb-6">{person.name}</h1>
      <SummaryList
        rows={[
          { key: "Email", value: person.email },
          { key: "Teams and role", value: describeMemberships(person.memberships, teamNamer(teams)) },
          { key: "Last signed in", value: person.lastSignInAt ? formatDateTime(person.lastSignInAt) : "Never" },
          { key: "Status", value: person.disabledAt ? `Disabled on ${formatDateTime(person.disabledAt)}` : "Active" },
        ]}
      />
      <h2 className="heading-l mb-4">Change teams and role</h2>
      <AccessForm userId={person.id} teams={teams} current={membershipValues(person.memberships)} />
      {person.disabledAt ? (
        <>
          <h2 className="heading-l mb-4">Enable this account</h2>
          <p className="mb-4">They will be able to sign in again with their own password and a code emailed to them.</p>
          <form action={enableStaffAction}>
            <input type="hidden" name="userId" value={person.id} />
            <Button>Enable account</Button>
          </form>
        </>
      ) : isSelf ? null : (
        <>
          <h2 className="heading-l mb-4">Disable this account</h2>
          <p className="mb-4">They are signed out everywhere at once and cannot sign in until an admin enables the account again. Their work stays with their team.</p>
          <form action={disableStaffAction}>
            <input type="hidden" name="userId" value={person.id} />
            <Button variant="warning">Disable account</Button>
          </form>
        </>
      )}
    </div>
  );
}
