import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import { NotificationBanner } from "@/components/notification-banner";
import { Table } from "@/components/table";
import { getDb } from "@/db/client";
import { caseForFamily } from "@/lib/send/access";
import { listOpenFormsForFamily } from "@/lib/send/assigned-forms";
import { formatDate } from "@/lib/format/dates";
import { openAssignedFormAction } from "./actions";

export const metadata: Metadata = { title: "Items to complete" };

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ taken?: string }> };

/** "Items to complete for <child>" (guide 004): the forms the SEND team asked the family to fill in. */
export default async function ItemsToCompletePage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const user = await requireUser(`/send/${caseId}/actions`);
  const family = { userId: user.userId };
  const row = await caseForFamily(getDb(), family, caseId);
  if (!row) notFound();
  const items = await listOpenFormsForFamily(getDb(), family, caseId);
  const childName = `${row.childForename} ${row.childSurname}`;
  const { taken } = await searchParams;
  return (
    <div>
      <p className="mb-6">
        <Link href={`/send/${caseId}`}>Back to Dashboard</Link>
      </p>
      {taken && (
        <NotificationBanner heading="Someone else has started this form">
          <p>Another member of your family has started this form. They can finish it from Recover a form.</p>
        </NotificationBanner>
      )}
      <h1 className="heading-xl mb-6">Items to complete for {childName}</h1>
      {items.length === 0 ? (
        <p>No items to complete.</p>
      ) : (
        <Table
          caption="Forms the SEND team has asked you to complete"
          captionSize="s"
          head={[{ text: "Description" }, { text: "Due" }, { text: "Status" }]}
          rows={items.map((item) => [
            <form key="open" action={openAssignedFormAction}>
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="actionId" value={item.id} />
              <button type="submit" className="link-button text-left">
                {item.title}
              </button>
            </form>,
            item.dueDate ? formatDate(item.dueDate, "short") : "No due date",
            item.inProgress ? "In progress" : "Not started",
          ])}
        />
      )}
      <p className="mt-6">Open a form to fill it in. You can save it for later, make a PDF of it, and submit it when it is complete.</p>
    </div>
  );
}
