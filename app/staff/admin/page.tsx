import type { Metadata } from "next";
import Link from "next/link";
import { requireCouncilAdmin } from "@/app/_auth/current-user";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { Button } from "@/components/button";
import { NotificationBanner } from "@/components/notification-banner";
import { Table } from "@/components/table";
import { Tag } from "@/components/tag";
import { getDb } from "@/db/client";
import { now } from "@/lib/clock";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { listStaff, openStaffInvitations } from "@/lib/staff/people";
import { listTeams, teamNamer } from "@/lib/staff/teams";
import { cancelInvitationAction } from "./actions";
import { describeMemberships } from "./_components/describe-memberships";

export const metadata: Metadata = { title: "Staff" };

const BANNERS: Record<string, string> = {
  invited: "Invitation sent. They have 7 days to use the link in it.",
  cancelled: "Invitation withdrawn. Its link no longer works.",
  gone: "That staff member or invitation could not be found.",
};

/** The council admin's staff list: everyone with a staff account, then the invitations still open. */
export default async function StaffListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireCouncilAdmin("/staff/admin");
  const params = await searchParams;
  const [staff, invitations, teams] = await Promise.all([listStaff(getDb(), admin), openStaffInvitations(getDb(), admin, now()), listTeams(getDb())]);
  const teamName = teamNamer(teams);
  const banner = Object.keys(BANNERS).find((key) => params[key] !== undefined);
  return (
    <div>
      <StaffNav current="admin-staff" />
      {banner && <NotificationBanner type={banner === "gone" ? "info" : "success"} heading={BANNERS[banner]} />}
      <h1 className="heading-xl mb-6">Staff</h1>
      <Button href="/staff/admin/invite" variant="secondary">
        Invite a staff member
      </Button>
      <Table
        caption={`Staff accounts (${staff.length})`}
        head={[{ text: "Name" }, { text: "Email" }, { text: "Teams and role" }, { text: "Last signed in" }, { text: "Status" }]}
        firstCellIsHeader
        rows={staff.map((person) => [
          <Link key="name" href={`/staff/admin/staff/${person.id}`}>
            {person.name}
          </Link>,
          person.email,
          describeMemberships(person.memberships, teamName),
          person.lastSignInAt ? formatDateTime(person.lastSignInAt, "short") : "Never",
          person.disabledAt ? (
            <Tag key="status" colour="grey">
              Disabled
            </Tag>
          ) : (
            <Tag key="status" colour="green">
              Active
            </Tag>
          ),
        ])}
      />
      {invitations.length === 0 ? (
        <p className="mt-8">No invitations are waiting to be used.</p>
      ) : (
        <Table
          caption={`Invitations waiting to be used (${invitations.length})`}
          head={[{ text: "Name" }, { text: "Email" }, { text: "Teams and role" }, { text: "Link expires" }, { text: "Action" }]}
          firstCellIsHeader
          rows={invitations.map((invitation) => [
            invitation.name,
            invitation.email,
            describeMemberships(invitation.memberships, teamName),
            formatDate(invitation.expiresAt, "short"),
            <form key="cancel" action={cancelInvitationAction}>
              <input type="hidden" name="invitationId" value={invitation.id} />
              <Button variant="secondary">
                Withdraw<span className="sr-only"> the invitation to {invitation.name}</span>
              </Button>
            </form>,
          ])}
        />
      )}
    </div>
  );
}
