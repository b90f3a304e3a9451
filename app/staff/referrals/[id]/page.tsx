import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { clientAddress } from "@/app/_security/client-address";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList } from "@/components/summary-list";
import { AnswerSections } from "@/components/answers/answers-summary";
import { Tag } from "@/components/tag";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/lib/format/dates";
import { summariseForm } from "@/lib/forms/summary";
import { canTransition, INFORMATION_REASONS, REASON_LABELS, viewReferral, type HistoryEntry, type SubmissionStatus } from "@/lib/referrals";
import { colleaguesToAssign } from "@/lib/staff/memberships";
import { listTeams, teamNamer } from "@/lib/staff/teams";
import { AssignForm } from "@/app/staff/_components/assign-form";
import { RecordViewsSection } from "@/app/staff/_components/record-views";
import { listRecordViews } from "@/lib/audit/record-views";
import { assignAction } from "./actions";
import { now } from "@/lib/clock";
import { ReferralActions } from "./referral-actions";
import { DeliverySummary } from "@/app/staff/_components/delivery-summary";
import { deliveryStatusOf } from "@/lib/delivery/delivery-status";

export const metadata: Metadata = { title: "Referral" };


const STATUS_LABELS: Record<SubmissionStatus, string> = {
  submitted: "New",
  resubmitted: "Resubmitted",
  "more-information-requested": "Awaiting information",
  "response-posted": "Responded",
  closed: "Closed",
};

const DONE: Record<string, string> = {
  responded: "Your response has been posted. The referrer has been emailed.",
  "information-requested": "The form has been sent back for more information. The referrer has been emailed.",
  closed: "The referral has been closed.",
  moved: "The referral has been moved.",
  assigned: "The referral has been assigned.",
};

function historyText(entry: HistoryEntry, teamName: (id: string) => string): string {
  const who = entry.actor.name;
  const detail = entry.detail as { reason?: keyof typeof REASON_LABELS; fromTeam?: string; toTeam?: string };
  switch (entry.kind) {
    case "submitted":
      return `Sent by ${who}`;
    case "viewed":
      return `Viewed by ${who}`;
    case "more-information-requested":
      return `More information requested by ${who}${detail.reason ? ` (${REASON_LABELS[detail.reason]})` : ""}`;
    case "resubmitted":
      return `Resubmitted by ${who}`;
    case "responded":
      return `Response posted by ${who}`;
    case "closed":
      return `Closed by ${who}`;
    case "moved":
      return `Moved by ${who}${detail.fromTeam && detail.toTeam ? ` from ${teamName(detail.fromTeam)} to ${teamName(detail.toTeam)}` : ""}`;
    case "assigned":
      return `Assigned by ${who}`;
    default:
      return `${entry.kind} by ${who}`;
  }
}

/** One referral: every answer, the files, the PDF, its history and versions, who has viewed it, and the actions its state allows. */
export default async function ReferralPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const { id } = await params;
  const staff = await requireStaff(`/staff/referrals/${id}`);
  const result = await viewReferral({ db: getDb(), now: now() }, { ...staff, ip: await clientAddress() }, id);
  if (result.status !== "found") notFound();
  const referral = result.referral;
  const [teams, colleagues, views, delivery] = await Promise.all([
    listTeams(getDb()),
    colleaguesToAssign(getDb(), staff, referral.team),
    listRecordViews(getDb(), staff, referral.id),
    deliveryStatusOf(getDb(), referral.id),
  ]);
  const teamName = teamNamer(teams);
  const done = DONE[(await searchParams).done ?? ""];
  const summary = summariseForm(referral.definition, referral.answers, referral.people, referral.files);
  const allowed = {
    respond: canTransition("respond", referral.status),
    requestInformation: canTransition("request-information", referral.status),
    close: canTransition("close", referral.status),
    moveTeam: canTransition("move-team", referral.status),
  };
  return (
    <div>
      {done && <NotificationBanner type="success" heading={done} />}
      <p className="mb-4">
        <Link href="/staff">Back to referrals</Link>
      </p>
      <span className="body-l mb-1 block text-secondary-ink">{referral.formTitle}</span>
      <h1 className="heading-l mb-4">{referral.reference}</h1>
      <p className="mb-6 flex flex-wrap gap-3">
        <Tag colour="blue">{STATUS_LABELS[referral.status]}</Tag>
        <Tag colour="grey">{teamName(referral.team)}</Tag>
      </p>
      <div className="flex flex-col gap-x-10 lg:flex-row">
        <div className="min-w-0 lg:w-2/3">
          <SummaryList
            rows={[
              { key: "Sent", value: formatDateTime(referral.submittedAt) },
              { key: "Sent by", value: `${referral.referrer.forename} ${referral.referrer.surname}${referral.referrer.organisation ? `, ${referral.referrer.organisation}` : ""} (${referral.referrer.email})` },
              { key: "Assigned to", value: referral.assignedTo?.name ?? "Nobody yet" },
              { key: "About", value: referral.purgedAt ? "Deleted with the answers" : referral.people.map((person) => `${person.forename} ${person.surname}`).join(", ") },
              ...(referral.previous ? [{ key: "Resubmission of", value: <Link href={`/staff/referrals/${referral.previous.id}`}>{referral.previous.reference}</Link> }] : []),
              ...referral.next.map((next) => ({ key: "Resubmitted as", value: <Link href={`/staff/referrals/${next.id}`}>{next.reference}</Link> })),
              ...(referral.response ? [{ key: "Response", value: <p className="whitespace-pre-line">{referral.response}</p> }] : []),
            ]}
          />
          {referral.purgedAt ? (
            <p className="mb-8 border-l-4 border-border pl-4">
              The answers, names and files of this referral were deleted on {formatDateTime(referral.purgedAt)}, after the council&rsquo;s case system had held them for the retention period. Its
              reference, dates and history are kept.
            </p>
          ) : (
            <>
              <p className="mb-8">
                <a href={`/submitted/${referral.reference}/pdf`} download>
                  Download the PDF of this referral
                </a>
              </p>
              <AnswerSections sections={summary} />
            </>
          )}
          {referral.files.length > 0 && (
            <section aria-labelledby="files-heading" className="mb-8">
              <h2 id="files-heading" className="heading-m mb-4">
                Files
              </h2>
              <ul className="list-disc pl-5">
                {referral.files.map((file) => (
                  <li key={file.id}>
                    <a href={`/attachments/${file.id}`} download>
                      {file.fileName}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div className="lg:w-1/3">
          <h2 className="heading-m mb-4">Actions</h2>
          {Object.values(allowed).some(Boolean) ? (
            <ReferralActions
              id={referral.id}
              allowed={allowed}
              reasons={INFORMATION_REASONS.map((value) => ({ value, label: REASON_LABELS[value] }))}
              teams={teams.filter((team) => team.id !== referral.team).map((team) => ({ value: team.id, label: team.name }))}
            />
          ) : (
            <p className="mb-8">No actions: this referral is {STATUS_LABELS[referral.status].toLowerCase()}.</p>
          )}
          {colleagues.length > 0 && referral.status !== "closed" && <AssignForm action={assignAction} record={{ id: referral.id }} colleagues={colleagues} current={referral.assignedTo?.id ?? null} />}
          <DeliverySummary delivery={delivery} />
          <h2 className="heading-m mb-4">History</h2>
          <ol className="mb-8 border-l-4 border-border pl-4">
            {referral.history.map((entry) => (
              <li key={entry.id} className="mb-3">
                <span className="block font-bold">{historyText(entry, teamName)}</span>
                <span className="text-secondary-ink">{formatDateTime(entry.at)}</span>
              </li>
            ))}
          </ol>
          <RecordViewsSection views={views} />
        </div>
      </div>
    </div>
  );
}
