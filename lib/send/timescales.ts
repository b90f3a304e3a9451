/**
 * The statutory timescales of an EHC needs assessment (SEND Regulations 2014), worked out from
 * the date the request was received and the stages recorded since. Pure: "today" is passed in,
 * so a page, a reminder job and a test all see the same answer for the same day.
 */
import { formatDate } from "@/lib/format/dates";
import { daysInMonth } from "@/lib/dates/calendar";
import { addDays, addMonthsClamped, compareDates, isCalendarDate, type CalendarDate } from "./dates";

/**
 * How a period "beginning with" a day is counted. request-day: the day the request was
 * received is day 1 (the regulations' wording, and the default); day-after: counting starts the
 * next day, for councils whose legal advice reads it that way.
 */
export type DayOneRule = "request-day" | "day-after";
export type StageKind = "assess-decision" | "assessment" | "plan-decision" | "draft-plan" | "final-plan" | "annual-review";
export type Outcome = "yes" | "no";
export type RecordedStage = { kind: StageKind; date: CalendarDate; outcome?: Outcome };
export type ExceptionTimescale = "assess-decision" | "plan-decision" | "final-plan";
export type ExceptionReason = "school-closure" | "personal-circumstances" | "absent-from-area" | "missed-appointment";
export type RecordedException = { timescale: ExceptionTimescale; reason: ExceptionReason; note: string; recordedOn: CalendarDate };
export type TimescaleKey = "assess-decision" | "plan-decision" | "final-plan" | "draft-comments" | "annual-review";
export type TimescaleStatus = "upcoming" | "overdue" | "met" | "met-late" | "exception" | "not-needed";
export type Timescale = {
  key: TimescaleKey;
  label: string;
  due: CalendarDate;
  completedOn: CalendarDate | null;
  status: TimescaleStatus;
  exception: RecordedException | null;
};
export type CaseStage =
  | "awaiting-assess-decision"
  | "not-assessing"
  | "assessing"
  | "awaiting-plan-decision"
  | "not-issuing"
  | "drafting-plan"
  | "draft-plan-issued"
  | "plan-in-place";

export type TimescalesInput = {
  requestDate: CalendarDate;
  rule: DayOneRule;
  stages: RecordedStage[];
  exceptions: RecordedException[];
  today: CalendarDate;
};
export type TimescalesResult = { stage: CaseStage; timescales: Timescale[]; nextDue: CalendarDate | null; overdue: boolean };

export type NextStageInput = { requestDate: CalendarDate; stages: RecordedStage[]; next: RecordedStage; today: CalendarDate };
export type NextStageCheck = { ok: true } | { ok: false; field: "kind" | "date" | "outcome"; message: string };

export const STAGE_ORDER: StageKind[] = ["assess-decision", "assessment", "plan-decision", "draft-plan", "final-plan", "annual-review"];

export const STAGE_LABELS: Record<StageKind, string> = {
  "assess-decision": "Decision whether to assess",
  assessment: "Assessment completed",
  "plan-decision": "Decision whether to issue a plan",
  "draft-plan": "Draft plan issued",
  "final-plan": "Final plan issued",
  "annual-review": "Annual review held",
};

export const EXCEPTION_REASONS: Record<ExceptionReason, string> = {
  "school-closure": "The school or college was closed for 4 weeks or more while its advice was needed (reg. 5(4)(a), 10(4)(a) or 13(3)(a))",
  "personal-circumstances": "Exceptional personal circumstances affecting the child, their parent or the young person (reg. 5(4)(b), 10(4)(b) or 13(3)(b))",
  "absent-from-area": "The child, their parent or the young person was away from the area for 4 weeks or more (reg. 5(4)(c), 10(4)(c) or 13(3)(c))",
  "missed-appointment": "The child or young person missed an appointment for an examination or test (reg. 13(3)(d))",
};

export const TIMESCALE_LABELS: Record<TimescaleKey, string> = {
  "assess-decision": "Decision to assess due",
  "plan-decision": "Decision whether to issue a plan due",
  "final-plan": "Final plan due",
  "draft-comments": "Comments on the draft plan due",
  "annual-review": "Annual review due",
};

/** Statutory periods in days from the request (reg. 5(1), 10(1), 13(2)) and for comments on a draft (reg. 13(1)). */
const ASSESS_DECISION_DAYS = 6 * 7;
const PLAN_DECISION_DAYS = 16 * 7;
const FINAL_PLAN_DAYS = 20 * 7;
const DRAFT_COMMENT_DAYS = 15;
const REVIEW_MONTHS = 12;

/** The last day of a period of `days` days beginning with `start`. */
export function dueAfter(start: CalendarDate, days: number, rule: DayOneRule): CalendarDate {
  return addDays(start, rule === "request-day" ? days - 1 : days);
}

/**
 * The last day of a period of `months` months beginning with `start`. Counting start as day 1,
 * the period ends the day before the corresponding date; when the end month has no
 * corresponding date (31 January + 1 month, 29 February + 12 months) it ends on that month's
 * last day.
 */
export function dueAfterMonths(start: CalendarDate, months: number, rule: DayOneRule): CalendarDate {
  const clamped = addMonthsClamped(start, months);
  if (rule === "day-after") return clamped;
  const startDay = Number(start.slice(8, 10));
  const endDays = daysInMonth(Number(clamped.slice(0, 4)), Number(clamped.slice(5, 7)));
  return startDay > endDays ? clamped : addDays(clamped, -1);
}

export function computeTimescales(input: TimescalesInput): TimescalesResult {
  const { requestDate, rule, stages, exceptions, today } = input;
  const latest = (kind: StageKind) => stages.findLast((stage) => stage.kind === kind);
  const assessDecision = latest("assess-decision");
  const planDecision = latest("plan-decision");
  const draftPlan = latest("draft-plan");
  const finalPlan = latest("final-plan");
  const lastReview = latest("annual-review");
  const notAssessing = assessDecision?.outcome === "no";
  const notIssuing = planDecision?.outcome === "no";

  const exceptionFor = (key: ExceptionTimescale) => exceptions.findLast((exception) => exception.timescale === key) ?? null;
  const statutory = (key: ExceptionTimescale, days: number, done: RecordedStage | undefined, notNeeded: boolean): Timescale => {
    const due = dueAfter(requestDate, days, rule);
    const exception = exceptionFor(key);
    const completedOn = notNeeded ? null : (done?.date ?? null);
    const status = notNeeded ? "not-needed" : statusOf(due, completedOn, exception !== null, today);
    return { key, label: TIMESCALE_LABELS[key], due, completedOn, status, exception };
  };

  const timescales: Timescale[] = [
    statutory("assess-decision", ASSESS_DECISION_DAYS, assessDecision, false),
    statutory("plan-decision", PLAN_DECISION_DAYS, planDecision, notAssessing),
    statutory("final-plan", FINAL_PLAN_DAYS, finalPlan, notAssessing || notIssuing),
  ];
  if (draftPlan !== undefined) {
    // The family's deadline, not the council's: it cannot be missed, only passed.
    const due = dueAfter(draftPlan.date, DRAFT_COMMENT_DAYS, rule);
    const status = compareDates(today, due) > 0 ? "met" : "upcoming";
    timescales.push({ key: "draft-comments", label: TIMESCALE_LABELS["draft-comments"], due, completedOn: null, status, exception: null });
  }
  if (finalPlan !== undefined) {
    // Reviewed within 12 months of the plan, then of the previous review (reg. 2 "review").
    const from = lastReview !== undefined && compareDates(lastReview.date, finalPlan.date) >= 0 ? lastReview.date : finalPlan.date;
    const due = dueAfterMonths(from, REVIEW_MONTHS, rule);
    const status = statusOf(due, null, false, today);
    timescales.push({ key: "annual-review", label: TIMESCALE_LABELS["annual-review"], due, completedOn: null, status, exception: null });
  }

  const pending = timescales.filter((t) => t.key !== "draft-comments" && (t.status === "upcoming" || t.status === "overdue"));
  const nextDue = pending.map((t) => t.due).reduce<CalendarDate | null>((earliest, due) => (earliest === null || compareDates(due, earliest) < 0 ? due : earliest), null);
  return { stage: stageOf(stages), timescales, nextDue, overdue: timescales.some((t) => t.status === "overdue") };
}

/** Which deadline the family is waiting on at a stage of the case; null once the case has ended. */
export function currentStageTimescale(stage: CaseStage): TimescaleKey | null {
  switch (stage) {
    case "awaiting-assess-decision":
      return "assess-decision";
    case "assessing":
    case "awaiting-plan-decision":
      return "plan-decision";
    case "drafting-plan":
    case "draft-plan-issued":
      return "final-plan";
    case "plan-in-place":
      return "annual-review";
    case "not-assessing":
    case "not-issuing":
      return null;
  }
}

/**
 * Whether `next` may be recorded after `stages`: stages come in STAGE_ORDER, one at a time,
 * with annual reviews repeating after the final plan; nothing follows a "no" decision.
 */
export function checkNextStage(input: NextStageInput): NextStageCheck {
  const { requestDate, stages, next, today } = input;
  const previous = stages.at(-1);

  if (previous?.outcome === "no" && (previous.kind === "assess-decision" || previous.kind === "plan-decision")) {
    const message = previous.kind === "assess-decision" ? "The case ended with a decision not to assess" : "The case ended with a decision not to issue a plan";
    return { ok: false, field: "kind", message };
  }
  const expected: StageKind = previous === undefined ? STAGE_ORDER[0]! : (STAGE_ORDER[STAGE_ORDER.indexOf(previous.kind) + 1] ?? "annual-review");
  if (next.kind !== expected) {
    const isEarlier = STAGE_ORDER.indexOf(next.kind) < STAGE_ORDER.indexOf(expected);
    return { ok: false, field: "kind", message: isEarlier ? ALREADY_RECORDED[next.kind] : RECORD_FIRST[expected] };
  }

  const needsOutcome = next.kind === "assess-decision" || next.kind === "plan-decision";
  if (needsOutcome && next.outcome !== "yes" && next.outcome !== "no") {
    const message = next.kind === "assess-decision" ? "Select whether the council decided to assess" : "Select whether the council decided to issue a plan";
    return { ok: false, field: "outcome", message };
  }
  if (!needsOutcome && next.outcome !== undefined) {
    return { ok: false, field: "outcome", message: `${STAGE_LABELS[next.kind]} does not have a yes or no outcome` };
  }

  if (!isCalendarDate(next.date)) return { ok: false, field: "date", message: "The date must be a real date" };
  if (compareDates(next.date, today) > 0) return { ok: false, field: "date", message: "The date cannot be in the future" };
  if (compareDates(next.date, requestDate) < 0) {
    return { ok: false, field: "date", message: `The date cannot be before the request was received on ${formatDate(requestDate)}` };
  }
  if (previous !== undefined && compareDates(next.date, previous.date) < 0) {
    const message = `The date cannot be before the previous stage (${STAGE_LABELS[previous.kind].toLowerCase()}) on ${formatDate(previous.date)}`;
    return { ok: false, field: "date", message };
  }
  return { ok: true };
}

const RECORD_FIRST: Record<StageKind, string> = {
  "assess-decision": "Record the decision whether to assess first",
  assessment: "Record that the assessment was completed first",
  "plan-decision": "Record the decision whether to issue a plan first",
  "draft-plan": "Record that the draft plan was issued first",
  "final-plan": "Record that the final plan was issued first",
  "annual-review": "Record the annual review first",
};

const ALREADY_RECORDED: Record<StageKind, string> = {
  "assess-decision": "The decision whether to assess has already been recorded",
  assessment: "The assessment has already been recorded as completed",
  "plan-decision": "The decision whether to issue a plan has already been recorded",
  "draft-plan": "The draft plan has already been recorded as issued",
  "final-plan": "The final plan has already been recorded as issued",
  "annual-review": "An annual review can only be recorded after the final plan",
};

/**
 * A completed timescale was met or met late; a late one with a recorded exception (reg. 5(4),
 * 10(4), 13(3)) was lawfully late. An exception recorded before the deadline already excuses it.
 */
function statusOf(due: CalendarDate, completedOn: CalendarDate | null, hasException: boolean, today: CalendarDate): TimescaleStatus {
  if (completedOn !== null) {
    if (compareDates(completedOn, due) <= 0) return "met";
    return hasException ? "exception" : "met-late";
  }
  if (hasException) return "exception";
  return compareDates(today, due) > 0 ? "overdue" : "upcoming";
}

/** Where the case is, from the furthest stage recorded; a "no" decision ends it. */
function stageOf(stages: RecordedStage[]): CaseStage {
  const has = (kind: StageKind) => stages.some((stage) => stage.kind === kind);
  const outcome = (kind: StageKind) => stages.findLast((stage) => stage.kind === kind)?.outcome;
  if (outcome("assess-decision") === "no") return "not-assessing";
  if (outcome("plan-decision") === "no") return "not-issuing";
  if (has("final-plan") || has("annual-review")) return "plan-in-place";
  if (has("draft-plan")) return "draft-plan-issued";
  if (has("plan-decision")) return "drafting-plan";
  if (has("assessment")) return "awaiting-plan-decision";
  if (has("assess-decision")) return "assessing";
  return "awaiting-assess-decision";
}
