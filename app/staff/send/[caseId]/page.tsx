import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { sendDeps } from "@/app/_send/send-deps";
import { clientAddress } from "@/app/_security/client-address";
import { NotificationBanner } from "@/components/notification-banner";
import { viewCase } from "@/lib/send";
import { getDb } from "@/db/client";
import { colleaguesToAssign } from "@/lib/staff/memberships";
import { AssignForm } from "@/app/staff/_components/assign-form";
import { RecordViewsSection } from "@/app/staff/_components/record-views";
import { listRecordViews } from "@/lib/audit/record-views";
import { assignCaseAction } from "./actions";
import { CaseErrorSummary, CaseFormsProvider } from "./case-forms";
import { AccessSection } from "./_sections/access";
import { CaseDetailsSection } from "./_sections/case-details";
import { HistorySection } from "./_sections/history";
import { InvitationsSection } from "./_sections/invitations";
import { RecordExceptionSection } from "./_sections/record-exception";
import { RecordStageSection } from "./_sections/record-stage";
import { TimescalesSection } from "./_sections/timescales";

export const metadata: Metadata = { title: "SEND case" };

const DONE: Record<string, string> = {
  created: "The case has been created.",
  stage: "The stage has been recorded. The family has been emailed to tell them.",
  exception: "The exception has been recorded.",
  invited: "The family has been invited. An identity code has been emailed to the requestor.",
  verified: "Identity verified. The invitation link has been emailed to the family.",
  resent: "The invitation has been resent. The old code or link no longer works.",
  cancelled: "The invitation has been cancelled. Its code and link no longer work.",
  activated: "Portal access activated. The family has been emailed a link to the portal.",
  revoked: "Portal access revoked. They can no longer see this case.",
  assigned: "The case has been assigned.",
};

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ done?: string }> };

/**
 * One EHCP case for its caseworkers: details, statutory timescales, stages, exceptions, the
 * family's invitation and access, history, and who has viewed it. Each part is a server component
 * in _sections/; this page reads the case once (viewCase writes the "viewed" audit row) and lays
 * them out.
 */
export default async function SendCasePage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const user = await requireStaff(`/staff/send/${caseId}`);
  const result = await viewCase(sendDeps(), { userId: user.userId, role: user.role, ip: await clientAddress() }, caseId);
  if (result.status === "not-found") notFound();
  if (result.status === "forbidden") redirect("/account/not-allowed");
  const view = result.case;
  const [colleagues, views] = await Promise.all([colleaguesToAssign(getDb(), user, view.team), listRecordViews(getDb(), user, view.id)]);
  const done = DONE[(await searchParams).done ?? ""];
  const childName = `${view.child.forename} ${view.child.surname}`;
  return (
    // Remounted when the case changes, so a message from an earlier post never outlives it.
    <CaseFormsProvider key={view.events.length}>
      <CaseErrorSummary />
      {done && <NotificationBanner type="success" heading={done} />}
      <p className="mb-4">
        <Link href="/staff/send">Back to SEND cases</Link>
      </p>
      <span className="body-l mb-1 block text-secondary-ink">{view.number}</span>
      <h1 className="heading-l mb-4">{childName}</h1>
      <nav aria-label="This case" className="mb-8">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href={`/staff/send/${view.id}/messages`}>Messages</Link>
          </li>
          <li>
            <Link href={`/staff/send/${view.id}/documents`}>Documents</Link>
          </li>
          <li>
            <Link href={`/staff/send/${view.id}/actions`}>Actions to Complete</Link>
          </li>
        </ul>
      </nav>

      <CaseDetailsSection view={view} />
      {colleagues.length > 0 && <AssignForm action={assignCaseAction} record={{ caseId: view.id }} colleagues={colleagues} current={view.caseworker.id} />}
      <TimescalesSection view={view} />
      <RecordStageSection view={view} />
      <RecordExceptionSection view={view} />
      <InvitationsSection view={view} />
      <AccessSection view={view} />
      <HistorySection events={view.events} />
      <div className="max-w-[40em]">
        <RecordViewsSection views={views} />
      </div>
    </CaseFormsProvider>
  );
}
