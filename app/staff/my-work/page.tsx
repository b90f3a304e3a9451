import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/app/_auth/current-user";
import { Table } from "@/components/table";
import { ReferralTable } from "@/app/staff/_components/referral-table";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { getDb } from "@/db/client";
import { formatDate } from "@/lib/format/dates";
import { listMyWork } from "@/lib/staff/my-work";
import { listTeams, teamNamer } from "@/lib/staff/teams";

export const metadata: Metadata = { title: "My work" };


/** What a team manager has assigned to me: open referrals and the SEND cases I am the caseworker of. */
export default async function MyWorkPage() {
  const staff = await requireStaff("/staff/my-work");
  const [work, teams] = await Promise.all([listMyWork(getDb(), staff), listTeams(getDb())]);
  const teamName = teamNamer(teams);
  return (
    <div>
      <StaffNav current="my-work" />
      <h1 className="heading-xl mb-6">My work</h1>
      {work.referrals.length === 0 ? (
        <p className="mb-8">No referrals are assigned to you.</p>
      ) : (
        <ReferralTable caption={`Referrals assigned to me (${work.referrals.length}), oldest first`} rows={work.referrals} teamName={teamName} />
      )}
      {work.cases.length === 0 ? (
        <p className="mb-8">You are not the caseworker of any SEND case.</p>
      ) : (
        <Table
          caption={`SEND cases I am the caseworker of (${work.cases.length})`}
          captionSize="m"
          head={[{ text: "Case" }, { text: "Child" }, { text: "Team" }, { text: "Request received" }]}
          rows={work.cases.map((row) => [
            <Link key="open" href={`/staff/send/${row.id}`}>
              {row.number}
            </Link>,
            row.childName,
            teamName(row.team),
            formatDate(row.requestDate, "short"),
          ])}
        />
      )}
    </div>
  );
}
