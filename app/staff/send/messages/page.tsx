import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { clientAddress } from "@/app/_security/client-address";
import { sendDeps } from "@/app/_send/send-deps";
import { Table } from "@/components/table";
import { listCasesWithUnreadFamilyMessages } from "@/lib/send/messages";

export const metadata: Metadata = { title: "SEND secure messages" };

/** The SEND team's list of cases with messages from families that no one in the team has opened, longest waiting first. */
export default async function SendUnreadMessagesPage() {
  const user = await requireStaff("/staff/send/messages");
  const result = await listCasesWithUnreadFamilyMessages(sendDeps(), { userId: user.userId, role: user.role, ip: await clientAddress() });
  if (!Array.isArray(result)) redirect("/account/not-allowed");
  const rows = result;
  return (
    <div>
      <nav aria-label="Staff" className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/staff/send">SEND cases</Link>
      </nav>
      <h1 className="heading-xl mb-6">Secure messages</h1>
      {rows.length === 0 ? (
        <>
          <h2 className="heading-m mb-4">Cases with unread messages</h2>
          <p>No cases have unread messages from families.</p>
        </>
      ) : (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        <div role="region" aria-label="Cases with unread messages table" tabIndex={0} className="overflow-x-auto">
          <Table
            caption={
              <>
                Cases with unread messages
                <span className="body-m block font-normal text-secondary-ink">
                  {rows.length} {rows.length === 1 ? "case" : "cases"}, the longest waiting first
                </span>
              </>
            }
            captionSize="m"
            head={[{ text: "Case number" }, { text: "Child" }, { text: "Unread count", isNumeric: true }]}
            rows={rows.map((row) => [
              <Link key="open" href={`/staff/send/${row.caseId}/messages`} className="whitespace-nowrap">
                {row.number}
                <span className="sr-only"> messages</span>
              </Link>,
              row.childName,
              row.unread,
            ])}
          />
        </div>
      )}
    </div>
  );
}
