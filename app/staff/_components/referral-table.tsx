import Link from "next/link";
import { Table } from "@/components/table";
import { formatDateTime } from "@/lib/format/dates";

type Row = { id: string; reference: string; formTitle: string; peopleNames: string[]; team: string; submittedAt: Date };

/** A list of referrals for staff (the inbox, My work): each opens the referral. */
export function ReferralTable({ caption, rows, teamName }: { caption: string; rows: Row[]; teamName: (id: string) => string }) {
  return (
    <Table
      caption={caption}
      captionSize="m"
      head={[{ text: "Reference" }, { text: "Form" }, { text: "Children" }, { text: "Team" }, { text: "Sent" }]}
      rows={rows.map((row) => [
        <Link key="open" href={`/staff/referrals/${row.id}`}>
          {row.reference}
        </Link>,
        row.formTitle,
        row.peopleNames.join(", "),
        teamName(row.team),
        formatDateTime(row.submittedAt, "short"),
      ])}
    />
  );
}
