/**
 * The SEND Dashboard for one child, as the family sees it: the Statutory Timescales strip with
 * the current stage, what that stage means and what happens next, the caseworker, key dates and
 * the history. Read only through caseForFamily, so a child the user has no active access to is
 * simply not found.
 */
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { caseForFamily } from "./access";
import { openFormsIn, type OpenAssignedForm } from "./assigned-forms";
import { latestDocumentsIn, type FamilyDocument } from "./documents";
import { unreadCountIn } from "./messages";
import { loadEvents, timescalesOf, type CaseEvent } from "./cases";
import { compareDates, rightsPassDate, type CalendarDate } from "./dates";
import { formatCaseNumber, todayOf, type FamilyUser, type SendDeps } from "./deps";
import { currentStageTimescale, EXCEPTION_REASONS, STAGE_LABELS, type CaseStage, type Timescale, type TimescaleKey } from "./timescales";

/** The strip's boxes, in guide 004's words. */
export const STRIP_LABELS: Record<Exclude<TimescaleKey, "draft-comments">, string> = {
  "assess-decision": "Decision Due",
  "plan-decision": "Assessment Decision Due",
  "final-plan": "Final Plan Due",
  "annual-review": "Annual Review Due",
};

export const STAGE_NAMES: Record<CaseStage, string> = {
  "awaiting-assess-decision": "Request for assessment",
  "not-assessing": "Decided not to assess",
  assessing: "Assessment",
  "awaiting-plan-decision": "Assessment",
  "not-issuing": "Decided not to issue a plan",
  "drafting-plan": "Plan being written",
  "draft-plan-issued": "Draft plan issued",
  "plan-in-place": "EHC plan in place",
};

/** "Extra Information": what the current stage means and what happens next, in plain English. */
export const STAGE_EXPLANATIONS: Record<CaseStage, { now: string; next: string }> = {
  "awaiting-assess-decision": {
    now: "The SEND team has received the request for an Education, Health and Care (EHC) needs assessment. They are gathering information from you, the school or setting and others to decide whether an assessment is needed.",
    next: "The team must tell you within 6 weeks of the request whether they will carry out an assessment. If they decide not to, they will explain why and tell you about your right to appeal.",
  },
  "not-assessing": {
    now: "The SEND team decided not to carry out an EHC needs assessment.",
    next: "The decision letter explains why, what support is available instead, and how to ask for mediation or appeal to the SEND Tribunal. Contact your caseworker if you have questions.",
  },
  assessing: {
    now: "The EHC needs assessment is under way. The team is asking for advice from you, your child's school or setting, health services, an educational psychologist and social care.",
    next: "Within 16 weeks of the request the team must tell you whether they will issue an EHC plan. Your caseworker may ask you to complete forms in Actions to Complete.",
  },
  "awaiting-plan-decision": {
    now: "The advice for the assessment has been gathered. The SEND team is deciding whether to issue an EHC plan.",
    next: "The team must tell you within 16 weeks of the request. If they decide not to issue a plan they will explain why and tell you about your right to appeal.",
  },
  "not-issuing": {
    now: "The SEND team decided not to issue an EHC plan.",
    next: "The decision letter explains why and how to ask for mediation or appeal. The information from the assessment can still help your child's school or setting plan their support.",
  },
  "drafting-plan": {
    now: "The SEND team decided to issue an EHC plan and is writing a draft.",
    next: "You will be sent the draft plan. You then have 15 days to comment and to say which school or setting you would like named. The final plan must be issued within 20 weeks of the request.",
  },
  "draft-plan-issued": {
    now: "A draft EHC plan has been sent to you.",
    next: "You have 15 days to comment on the draft and say which school or setting you would like named in it. After that the team finalises the plan, within 20 weeks of the request.",
  },
  "plan-in-place": {
    now: "Your child has a final EHC plan.",
    next: "The plan must be reviewed at least every 12 months. The school or setting will invite you to the annual review meeting, and you can ask for an earlier review if things change.",
  },
};

export type StripItem = { key: string; label: string; date: CalendarDate; current: boolean; timescale: Timescale | null };
export type HistoryItem = { id: string; date: CalendarDate; text: string; note?: string };

export type Dashboard = {
  caseId: string;
  caseNumber: string;
  childName: string;
  stage: CaseStage;
  stageName: string;
  explanation: { now: string; next: string };
  strip: StripItem[];
  timescales: Timescale[];
  caseworker: { name: string; contact: string };
  requestDate: CalendarDate;
  requestor: string;
  rightsPassOn: CalendarDate;
  /** Newest first. */
  history: HistoryItem[];
  /** The three boxes of issue 9. */
  actions: OpenAssignedForm[];
  unreadMessages: number;
  documents: { items: FamilyDocument[]; total: number };
};

const OUTCOME_TEXT: Record<string, Record<string, string>> = {
  "assess-decision": { yes: "Decided to carry out an EHC needs assessment", no: "Decided not to carry out an EHC needs assessment" },
  "plan-decision": { yes: "Decided to issue an EHC plan", no: "Decided not to issue an EHC plan" },
};

/** A case event as one line of the family's History; null for events the family does not need (invitations). */
export function historyText(event: Pick<CaseEvent, "kind" | "detail">): { text: string; note?: string } | null {
  const { detail } = event;
  switch (event.kind) {
    case "case-created":
      return { text: "Request for an EHC needs assessment received" };
    case "stage-recorded":
      if (!detail.stage) return null;
      return { text: (detail.outcome && OUTCOME_TEXT[detail.stage]?.[detail.outcome]) ?? STAGE_LABELS[detail.stage] };
    case "exception-recorded":
      if (!detail.timescale || !detail.reason) return null;
      return { text: `An exception to the timescale applies: ${EXCEPTION_REASONS[detail.reason]}`, ...(detail.note ? { note: detail.note } : {}) };
    case "access-activated":
      return { text: "Portal access activated" };
    case "document-published":
      return { text: "A document was published to Documents to View" };
    case "action-assigned":
      return { text: "The SEND team asked you to complete a form" };
    case "action-submitted":
      return { text: "A form you were asked to complete was sent" };
    default:
      return null;
  }
}

/** Everything the dashboard shows, after one access check; the rest of its reads run side by side. */
export async function getDashboard(deps: SendDeps, family: FamilyUser, caseId: string): Promise<Dashboard | null> {
  const row = await caseForFamily(deps.db, family, caseId);
  if (!row) return null;
  const [events, [caseworker], actions, unreadMessages, documents] = await Promise.all([
    loadEvents(deps.db, [row.id]).then((map) => map.get(row.id) ?? []),
    deps.db.select({ forename: users.forename, surname: users.surname }).from(users).where(eq(users.id, row.caseworkerId)),
    openFormsIn(deps.db, row),
    unreadCountIn(deps.db, row),
    latestDocumentsIn(deps.db, row, 3),
  ]);
  const computed = timescalesOf(row, events, todayOf(deps));
  const current = currentStageTimescale(computed.stage);
  const byKey = new Map(computed.timescales.map((item) => [item.key, item]));
  const strip: StripItem[] = [{ key: "request", label: "Request Decision Date", date: row.requestDate, current: false, timescale: null }];
  for (const key of ["assess-decision", "plan-decision", "final-plan", "annual-review"] as const) {
    const timescale = byKey.get(key);
    if (timescale) strip.push({ key, label: STRIP_LABELS[key], date: timescale.due, current: current === key, timescale });
  }
  const history: HistoryItem[] = [];
  for (const event of events) {
    const line = historyText(event);
    if (line) history.push({ id: event.id, date: event.eventDate, ...line });
  }
  // Newest first by the date it happened on; the same day, the later recorded first.
  history.reverse().sort((a, b) => compareDates(b.date, a.date));
  return {
    caseId: row.id,
    caseNumber: formatCaseNumber(row.number),
    childName: `${row.childForename} ${row.childSurname}`,
    stage: computed.stage,
    stageName: STAGE_NAMES[computed.stage],
    explanation: STAGE_EXPLANATIONS[computed.stage],
    strip,
    timescales: computed.timescales,
    caseworker: { name: caseworker ? `${caseworker.forename} ${caseworker.surname}` : "Not yet allocated", contact: row.teamContact },
    requestDate: row.requestDate,
    requestor: row.requestorName,
    rightsPassOn: rightsPassDate(row.childDateOfBirth),
    history,
    actions,
    unreadMessages,
    documents,
  };
}
