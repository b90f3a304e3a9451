import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { callerIp, sendDeps } from "@/app/_send/send-deps";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList } from "@/components/summary-list";
import { Table } from "@/components/table";
import { formatDate } from "@/lib/dates/format";
import { Tag, type TagColour } from "@/components/tag";
import {
  compareDates,
  EXCEPTION_REASONS,
  EXCEPTION_TIMESCALES,
  historyText,
  rightsPassDate,
  STAGE_LABELS,
  STAGE_NAMES,
  STAGE_ORDER,
  TIMESCALE_LABELS,
  viewCase,
  type CaseEvent,
  type CaseView,
  type ExceptionReason,
  type ExceptionTimescale,
  type InvitationView,
  type SendEventKind,
  type StageKind,
  type Timescale,
} from "@/lib/send";
import { getDb } from "@/db/client";
import { colleaguesToAssign } from "@/lib/staff/memberships";
import { AssignForm } from "@/app/staff/_components/assign-form";
import { RecordViewsSection } from "@/app/staff/_components/record-views";
import { listRecordViews } from "@/lib/audit/record-views";
import { assignCaseAction } from "./actions";
import { AccessControls, CaseErrorSummary, CaseFormsProvider, InvitationControls, InviteForm, RecordExceptionForm, RecordStageForm } from "./case-forms";

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

const INVITATION_STATUS: Record<InvitationView["status"], string> = {
  "awaiting-verification": "Waiting for identity check",
  verified: "Invitation link sent",
  accepted: "Accepted",
  declined: "Declined",
  locked: "Locked after 5 wrong codes",
  cancelled: "Cancelled",
};

/** History lines for the events the family's dashboard leaves out (historyText gives null). */
const EVENT_TEXT: Record<SendEventKind, string> = {
  "case-created": "Request for an EHC needs assessment received",
  "stage-recorded": "Stage recorded",
  "exception-recorded": "Exception recorded",
  invited: "Invitation sent (identity code emailed)",
  "identity-verified": "Identity verified: invitation link emailed",
  "identity-code-refused": "Wrong identity code entered",
  "invitation-locked": "Invitation locked after 5 wrong codes",
  "invitation-resent": "Invitation resent",
  "invitation-cancelled": "Invitation cancelled",
  "invitation-accepted": "Family accepted the invitation",
  "invitation-declined": "Family declined the invitation",
  "access-activated": "Portal access activated",
  "access-revoked": "Portal access revoked",
  "document-published": "Document published",
  "document-withdrawn": "Document withdrawn",
  "action-assigned": "Form assigned to the family",
  "action-withdrawn": "Form withdrawn",
  "action-submitted": "Family sent an assigned form",
  "caseworker-assigned": "Caseworker assigned",
};

const EXCEPTION_TIMESCALE_LABELS: Record<ExceptionTimescale, string> = {
  "assess-decision": "Decision whether to assess (6 weeks)",
  "plan-decision": "Decision whether to issue a plan (16 weeks)",
  "final-plan": "Final plan (20 weeks)",
};

/** A moment as the calendar day in London. */

function timescaleStatus(timescale: Timescale): { text: string; colour: TagColour | null } {
  switch (timescale.status) {
    case "upcoming":
      return { text: "Due", colour: "blue" };
    case "overdue":
      return { text: "Overdue", colour: "red" };
    case "met":
      return { text: "Met", colour: "green" };
    case "met-late":
      return { text: "Met late", colour: "orange" };
    case "exception":
      return { text: `Exception applies: ${timescale.exception ? EXCEPTION_REASONS[timescale.exception.reason] : "reason not recorded"}`, colour: null };
    case "not-needed":
      return { text: "Not needed", colour: "grey" };
  }
}

/** The stage the form suggests: the one after the last recorded (annual reviews repeat). */
function nextStage(view: CaseView): StageKind | "" {
  const last = view.stages.at(-1);
  if (!last) return STAGE_ORDER[0] ?? "";
  return STAGE_ORDER[STAGE_ORDER.indexOf(last.kind) + 1] ?? "annual-review";
}

function historyOf(events: CaseEvent[]) {
  const lines = events.map((event) => {
    const line = historyText(event);
    return { id: event.id, date: event.eventDate, actor: event.actorName, text: line?.text ?? EVENT_TEXT[event.kind] ?? event.kind, note: line?.note };
  });
  // Newest first by the day it happened; the same day, the later recorded first.
  return lines.reverse().sort((a, b) => compareDates(b.date, a.date));
}

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ done?: string }> };

/** One EHCP case for its caseworkers: details, statutory timescales, stages, exceptions, the family's invitation and access, history, and who has viewed it. */
export default async function SendCasePage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const user = await requireStaff(`/staff/send/${caseId}`);
  const result = await viewCase(sendDeps(), { userId: user.userId, role: user.role, ip: await callerIp() }, caseId);
  if (result.status === "not-found") notFound();
  if (result.status === "forbidden") redirect("/account/not-allowed");
  const view = result.case;
  const [colleagues, views] = await Promise.all([colleaguesToAssign(getDb(), user, view.team), listRecordViews(getDb(), user, view.id)]);
  const done = DONE[(await searchParams).done ?? ""];
  const childName = `${view.child.forename} ${view.child.surname}`;
  const ended = view.stage === "not-assessing" || view.stage === "not-issuing";
  const live = view.invitations.some((invitation) => invitation.status === "awaiting-verification" || invitation.status === "verified");
  const invitations = [...view.invitations].reverse();
  const history = historyOf(view.events);
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

      <section aria-labelledby="details-heading" className="mb-8">
        <h2 id="details-heading" className="heading-m mb-4">
          Case details
        </h2>
        <SummaryList
          rows={[
            { key: "Date of birth", value: formatDate(view.child.dateOfBirth) },
            { key: "Rights pass to the young person on", value: formatDate(rightsPassDate(view.child.dateOfBirth)) },
            { key: "Request received", value: formatDate(view.requestDate) },
            {
              key: "Requestor",
              value: (
                <>
                  {view.requestor.name} ({view.requestor.relationship})
                  <br />
                  <span className="break-all">{view.requestor.email}</span>
                </>
              ),
            },
            {
              key: "Caseworker",
              value: (
                <>
                  {view.caseworker.name}
                  <br />
                  <span className="break-all">{view.caseworker.email}</span>
                </>
              ),
            },
            { key: "Team contact", value: <span className="whitespace-pre-line">{view.teamContact}</span> },
            { key: "Counting rule", value: view.dayOneRule === "request-day" ? "The day the request was received is day 1" : "Counted from the day after the request" },
          ]}
        />
      </section>

      {colleagues.length > 0 && <AssignForm action={assignCaseAction} record={{ caseId: view.id }} colleagues={colleagues} current={view.caseworker.id} />}

      <section aria-labelledby="timescales-heading" className="mb-8">
        <h2 id="timescales-heading" className="heading-m mb-4">
          Statutory timescales
        </h2>
        <p className="mb-4">
          Stage: <strong>{STAGE_NAMES[view.stage]}</strong>
          {view.overdue && " – a timescale is overdue"}
        </p>
        <Table
          caption="Due dates and whether each was met"
          captionSize="s"
          head={[{ text: "Timescale" }, { text: "Due" }, { text: "Done on" }, { text: "Status" }]}
          firstCellIsHeader
          rows={view.timescales.map((timescale) => {
            const status = timescaleStatus(timescale);
            return [
              TIMESCALE_LABELS[timescale.key],
              formatDate(timescale.due, "short"),
              timescale.completedOn ? formatDate(timescale.completedOn, "short") : "Not yet",
              status.colour ? (
                <Tag key="status" colour={status.colour}>
                  {status.text}
                </Tag>
              ) : (
                status.text
              ),
            ];
          })}
        />
      </section>

      <section aria-labelledby="stage-heading" className="mb-8 max-w-[40em]">
        <h2 id="stage-heading" className="heading-m mb-4">
          Record a stage
        </h2>
        {ended ? (
          <p>No more stages can be recorded: {view.stage === "not-assessing" ? "the council decided not to assess." : "the council decided not to issue a plan."}</p>
        ) : (
          <RecordStageForm caseId={view.id} stages={STAGE_ORDER.map((value) => ({ value, label: STAGE_LABELS[value] }))} nextStage={nextStage(view)} />
        )}
      </section>

      <section aria-labelledby="exception-heading" className="mb-8 max-w-[40em]">
        <h2 id="exception-heading" className="heading-m mb-4">
          Record an exception
        </h2>
        <p className="mb-6">When a timescale cannot be met for one of the reasons the regulations allow, record it here. The timescale then shows that an exception applies instead of being missed.</p>
        <RecordExceptionForm
          caseId={view.id}
          timescales={EXCEPTION_TIMESCALES.map((value) => ({ value, label: EXCEPTION_TIMESCALE_LABELS[value] }))}
          reasons={(Object.keys(EXCEPTION_REASONS) as ExceptionReason[]).map((value) => ({ value, label: EXCEPTION_REASONS[value] }))}
        />
      </section>

      <section aria-labelledby="invitation-heading" className="mb-8 max-w-[40em]">
        <h2 id="invitation-heading" className="heading-m mb-4">
          Portal invitation
        </h2>
        {invitations.length === 0 ? (
          <p className="mb-4">The family has not been invited to the portal.</p>
        ) : (
          <ul className="mb-4">
            {invitations.map((invitation) => (
              <li key={invitation.id} id={`invitation-${invitation.id}`} className="mb-6 border-l-4 border-border pl-4">
                <h3 className="heading-s mb-2 break-all">Invitation to {invitation.email}</h3>
                <p className="mb-2">
                  Status: <strong>{INVITATION_STATUS[invitation.status]}</strong>
                </p>
                <p className="mb-2">Created {formatDate(invitation.createdAt)}</p>
                {invitation.status === "awaiting-verification" && (
                  <p className="mb-4">
                    The identity code expires on {formatDate(invitation.codeExpiresAt)}.{invitation.wrongCodes > 0 && ` Wrong codes entered so far: ${invitation.wrongCodes} of 5.`}
                  </p>
                )}
                {invitation.status === "verified" &&
                  (invitation.claimedAt ? (
                    <p className="mb-4">The parent opened the link on {formatDate(invitation.claimedAt)} and has not answered yet.</p>
                  ) : (
                    invitation.linkExpiresAt && <p className="mb-4">The invitation link expires on {formatDate(invitation.linkExpiresAt)}.</p>
                  ))}
                <InvitationControls
                  caseId={view.id}
                  invitationId={invitation.id}
                  canVerify={invitation.status === "awaiting-verification"}
                  // Once the parent has opened the link it is used up: lib refuses to resend it.
                  canResend={invitation.status === "awaiting-verification" || invitation.status === "locked" || (invitation.status === "verified" && !invitation.claimedAt)}
                  canCancel={invitation.status === "awaiting-verification" || invitation.status === "verified" || invitation.status === "locked"}
                />
              </li>
            ))}
          </ul>
        )}
        {!live && (
          <p className="mb-4">
            Inviting the family emails an identity code to the requestor at <span className="break-all">{view.requestor.email}</span>. When the parent quotes the code to you, enter it here and they are sent the invitation link.
          </p>
        )}
        <InviteForm caseId={view.id} requestorEmail={view.requestor.email} />
      </section>

      <section aria-labelledby="access-heading" className="mb-8">
        <h2 id="access-heading" className="heading-m mb-4">
          Portal access
        </h2>
        {view.access.length === 0 ? (
          <p>Nobody has accepted an invitation to see this case yet.</p>
        ) : (
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
          <div role="region" aria-label="Portal access table" tabIndex={0} className="overflow-x-auto">
            <Table
              caption="People who accepted an invitation"
              captionSize="s"
              head={[{ text: "Name" }, { text: "Email" }, { text: "Status" }, { text: "Action" }]}
              rows={view.access.map((person) => [
                person.name,
                <span key="email" className="break-all">
                  {person.email}
                </span>,
                person.status === "pending"
                  ? "Accepted – waiting for activation"
                  : person.status === "active"
                    ? `Active since ${formatDate(person.activatedAt ?? person.acceptedAt, "short")}`
                    : `Revoked ${person.revokedAt ? formatDate(person.revokedAt, "short") : ""}`.trim(),
                <AccessControls key="actions" caseId={view.id} accessId={person.id} canActivate={person.status === "pending"} canRevoke={person.status !== "revoked"} />,
              ])}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="history-heading" className="mb-8 max-w-[40em]">
        <h2 id="history-heading" className="heading-m mb-4">
          History
        </h2>
        <ol className="border-l-4 border-border pl-4">
          {history.map((line) => (
            <li key={line.id} className="mb-3">
              <span className="block font-bold">{line.text}</span>
              {line.note && <p className="mb-1 whitespace-pre-line">{line.note}</p>}
              <span className="text-secondary-ink">
                {formatDate(line.date)}
                {line.actor && ` – ${line.actor}`}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <div className="max-w-[40em]">
        <RecordViewsSection views={views} />
      </div>
    </CaseFormsProvider>
  );
}
