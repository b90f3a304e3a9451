import type { Metadata } from "next";
import Link from "next/link";
import { NotificationBanner } from "@/components/notification-banner";
import { Table } from "@/components/table";
import { assignableSendForms } from "@/lib/forms/catalogue";
import { listAssignedFormsForStaff, type AssignedFormForStaff } from "@/lib/send/assigned-forms";
import { formatDate } from "@/lib/format/dates";
import { AssignForm, WithdrawForm } from "./assign-forms";
import { readForStaff } from "../read-for-staff";

export const metadata: Metadata = { title: "Actions to Complete" };

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = { assigned: "The form has been assigned. The family has been emailed.", withdrawn: "The form has been withdrawn." };

function statusText(item: AssignedFormForStaff): string {
  switch (item.status) {
    case "waiting":
      return "Not started";
    case "in-progress":
      return `In progress (started by ${item.startedBy})`;
    case "sent":
      return `Sent ${item.completedAt ? formatDate(item.completedAt, "short") : ""}`;
    case "withdrawn":
      return "Withdrawn";
  }
}

/**
 * A case's Actions to Complete for its caseworkers: assign one of the SEND forms with an optional
 * due date, see each one's state, withdraw one not yet sent, and open a sent one's answers, files
 * and PDF (the staff referral page).
 */
export default async function CaseActionsPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const result = await readForStaff(`/staff/send/${caseId}/actions`, (deps, staff) => listAssignedFormsForStaff(deps, staff, caseId));
  const { case: view, items } = result;
  const done = DONE[(await searchParams).done ?? ""];
  return (
    <div>
      {done && <NotificationBanner type="success" heading={done} />}
      <p className="mb-4">
        <Link href={`/staff/send/${caseId}`}>Back to the case</Link>
      </p>
      <span className="body-l mb-1 block text-secondary-ink">{view.number}</span>
      <h1 className="heading-l mb-8">Actions to Complete – {view.childName}</h1>
      <h2 className="heading-m mb-4">Assign a form</h2>
      <AssignForm caseId={caseId} forms={assignableSendForms().map((form) => ({ value: form.id, text: form.title }))} />
      {items.length === 0 ? (
        <p>No forms have been assigned to this family yet.</p>
      ) : (
        <Table
          caption="Assigned forms, newest first"
          captionSize="m"
          head={[{ text: "Form" }, { text: "Assigned" }, { text: "Due" }, { text: "Status" }, { text: "Actions" }]}
          rows={items.map((item) => [
            item.title,
            formatDate(item.assignedAt, "short"),
            item.dueDate ? formatDate(item.dueDate, "short") : "None",
            statusText(item),
            item.submission ? (
              <Link key="view" href={`/staff/referrals/${item.submission.id}`}>
                View answers<span className="sr-only"> to {item.title}</span> ({item.submission.reference})
              </Link>
            ) : item.status === "withdrawn" ? (
              ""
            ) : (
              <WithdrawForm key="withdraw" caseId={caseId} actionId={item.id} title={item.title} />
            ),
          ])}
        />
      )}
    </div>
  );
}
