/**
 * The case's history for its caseworkers, newest first: the family's wording (historyText) where
 * the family's dashboard has a line for the event, the team's own wording for the rest.
 */
import { formatDate } from "@/lib/format/dates";
import { compareDates, historyText, type CaseEvent, type SendEventKind } from "@/lib/send";
import { CaseSection } from "./case-section";

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

function historyOf(events: CaseEvent[]) {
  const lines = events.map((event) => {
    const line = historyText(event);
    return { id: event.id, date: event.eventDate, actor: event.actorName, text: line?.text ?? EVENT_TEXT[event.kind] ?? event.kind, note: line?.note };
  });
  // Newest first by the day it happened; the same day, the later recorded first.
  return lines.reverse().sort((a, b) => compareDates(b.date, a.date));
}

export function HistorySection({ events }: { events: CaseEvent[] }) {
  const history = historyOf(events);
  return (
    <CaseSection id="history" title="History" isNarrow>
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
    </CaseSection>
  );
}
