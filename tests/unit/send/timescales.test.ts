import { describe, expect, it } from "vitest";
import {
  EXCEPTION_REASONS,
  STAGE_LABELS,
  STAGE_ORDER,
  TIMESCALE_LABELS,
  checkNextStage,
  computeTimescales,
  currentStageTimescale,
  dueAfter,
  dueAfterMonths,
  type CaseStage,
  type DayOneRule,
  type RecordedException,
  type RecordedStage,
  type TimescaleKey,
  type TimescalesInput,
} from "@/lib/send/timescales";
import { formatDate } from "@/lib/format/dates";

// The guide's worked example: a request received on Monday 30 January 2023.
const REQUEST = "2023-01-30";

function compute(overrides: Partial<TimescalesInput> = {}) {
  return computeTimescales({ requestDate: REQUEST, rule: "request-day", stages: [], exceptions: [], today: "2023-02-01", ...overrides });
}

function timescale(result: ReturnType<typeof compute>, key: TimescaleKey) {
  const found = result.timescales.find((t) => t.key === key);
  if (found === undefined) throw new Error(`no ${key} timescale`);
  return found;
}

function exception(timescale: RecordedException["timescale"], recordedOn = "2023-03-01"): RecordedException {
  return { timescale, reason: "personal-circumstances", note: "Family bereavement", recordedOn };
}

const assessYes: RecordedStage = { kind: "assess-decision", date: "2023-03-10", outcome: "yes" };
const assessment: RecordedStage = { kind: "assessment", date: "2023-04-28" };
const planYes: RecordedStage = { kind: "plan-decision", date: "2023-05-12", outcome: "yes" };
const draftPlan: RecordedStage = { kind: "draft-plan", date: "2023-05-30" };
const finalPlan: RecordedStage = { kind: "final-plan", date: "2023-06-16" };
const throughFinalPlan = [assessYes, assessment, planYes, draftPlan, finalPlan];

describe("dueAfter", () => {
  it("gives the guide's dates when the day of the request is day 1", () => {
    expect(dueAfter(REQUEST, 42, "request-day")).toBe("2023-03-12");
    expect(formatDate(dueAfter(REQUEST, 42, "request-day"), "short")).toBe("12 Mar 2023");
    expect(dueAfter(REQUEST, 112, "request-day")).toBe("2023-05-21");
    expect(dueAfter(REQUEST, 140, "request-day")).toBe("2023-06-18");
  });

  it("is a day later when counting starts the day after the request", () => {
    expect(dueAfter(REQUEST, 42, "day-after")).toBe("2023-03-13");
    expect(dueAfter(REQUEST, 112, "day-after")).toBe("2023-05-22");
    expect(dueAfter(REQUEST, 140, "day-after")).toBe("2023-06-19");
  });

  it("counts 29 February 2024 as a day", () => {
    expect(dueAfter("2024-02-01", 42, "request-day")).toBe("2024-03-13");
    expect(dueAfter("2023-02-01", 42, "request-day")).toBe("2023-03-14");
    expect(dueAfter("2024-02-01", 42, "day-after")).toBe("2024-03-14");
    expect(dueAfter("2023-02-01", 42, "day-after")).toBe("2023-03-15");
  });

  it("works from a request received on 29 February", () => {
    expect(dueAfter("2024-02-29", 42, "request-day")).toBe("2024-04-10");
    expect(dueAfter("2024-02-29", 112, "request-day")).toBe("2024-06-19");
    expect(dueAfter("2024-02-29", 140, "request-day")).toBe("2024-07-17");
    expect(dueAfter("2024-02-29", 42, "day-after")).toBe("2024-04-11");
  });
});

describe("dueAfterMonths", () => {
  it("ends the day before the corresponding date when the start day is day 1", () => {
    expect(dueAfterMonths("2023-03-15", 12, "request-day")).toBe("2024-03-14");
    expect(dueAfterMonths("2023-03-01", 12, "request-day")).toBe("2024-02-29");
    expect(dueAfterMonths("2024-03-01", 12, "request-day")).toBe("2025-02-28");
    expect(dueAfterMonths("2023-08-31", 12, "request-day")).toBe("2024-08-30");
  });

  it("ends on the last day of the month when there is no corresponding date", () => {
    expect(dueAfterMonths("2024-02-29", 12, "request-day")).toBe("2025-02-28");
    expect(dueAfterMonths("2023-01-31", 1, "request-day")).toBe("2023-02-28");
    expect(dueAfterMonths("2024-01-31", 1, "request-day")).toBe("2024-02-29");
    expect(dueAfterMonths("2024-02-29", 48, "request-day")).toBe("2028-02-28");
  });

  it("ends on the corresponding date, clamped, when counting starts the next day", () => {
    expect(dueAfterMonths("2023-03-15", 12, "day-after")).toBe("2024-03-15");
    expect(dueAfterMonths("2024-02-29", 12, "day-after")).toBe("2025-02-28");
    expect(dueAfterMonths("2023-01-31", 1, "day-after")).toBe("2023-02-28");
    expect(dueAfterMonths("2023-08-31", 12, "day-after")).toBe("2024-08-31");
  });
});

describe("labels", () => {
  it("lists the stages in order, each with a label", () => {
    expect(STAGE_ORDER).toEqual(["assess-decision", "assessment", "plan-decision", "draft-plan", "final-plan", "annual-review"]);
    expect(STAGE_ORDER.map((kind) => STAGE_LABELS[kind])).toEqual([
      "Decision whether to assess",
      "Assessment completed",
      "Decision whether to issue a plan",
      "Draft plan issued",
      "Final plan issued",
      "Annual review held",
    ]);
  });

  it("names the regulation behind each exception", () => {
    expect(EXCEPTION_REASONS["missed-appointment"]).toContain("reg. 13(3)(d)");
    expect(EXCEPTION_REASONS["school-closure"]).toContain("4 weeks or more");
    expect(TIMESCALE_LABELS["assess-decision"]).toBe("Decision to assess due");
  });
});

describe("computeTimescales", () => {
  it("lists the three statutory deadlines from the request under either rule", () => {
    const dayOne = compute();
    expect(dayOne.timescales.map((t) => [t.key, t.due, t.status])).toEqual([
      ["assess-decision", "2023-03-12", "upcoming"],
      ["plan-decision", "2023-05-21", "upcoming"],
      ["final-plan", "2023-06-18", "upcoming"],
    ]);
    expect(dayOne.timescales.map((t) => t.label)).toEqual(["Decision to assess due", "Decision whether to issue a plan due", "Final plan due"]);

    const dayAfter = compute({ rule: "day-after" });
    expect(dayAfter.timescales.map((t) => t.due)).toEqual(["2023-03-13", "2023-05-22", "2023-06-19"]);
  });

  it("works from a request on 29 February", () => {
    const result = compute({ requestDate: "2024-02-29", today: "2024-03-01" });
    expect(result.timescales.map((t) => t.due)).toEqual(["2024-04-10", "2024-06-19", "2024-07-17"]);
  });

  describe("status", () => {
    it("is met when completed on the due date", () => {
      const result = compute({ stages: [{ ...assessYes, date: "2023-03-12" }], today: "2023-03-20" });
      expect(timescale(result, "assess-decision")).toMatchObject({ due: "2023-03-12", completedOn: "2023-03-12", status: "met", exception: null });
    });

    it("is met-late when completed after the due date with no exception", () => {
      const result = compute({ stages: [{ ...assessYes, date: "2023-03-13" }], today: "2023-03-20" });
      expect(timescale(result, "assess-decision")).toMatchObject({ completedOn: "2023-03-13", status: "met-late" });
    });

    it("is exception when completed late with an exception recorded for that timescale", () => {
      const excuse = exception("assess-decision");
      const result = compute({ stages: [{ ...assessYes, date: "2023-03-20" }], exceptions: [excuse], today: "2023-03-20" });
      expect(timescale(result, "assess-decision")).toMatchObject({ status: "exception", exception: excuse });
    });

    it("stays met when an exception was recorded but the deadline was met anyway", () => {
      const result = compute({ stages: [assessYes], exceptions: [exception("assess-decision")], today: "2023-03-20" });
      expect(timescale(result, "assess-decision").status).toBe("met");
    });

    it("is upcoming until the due date has passed, then overdue", () => {
      expect(timescale(compute({ today: "2023-03-12" }), "assess-decision").status).toBe("upcoming");
      expect(timescale(compute({ today: "2023-03-13" }), "assess-decision")).toMatchObject({ completedOn: null, status: "overdue" });
    });

    it("is exception instead of overdue when an exception is recorded", () => {
      const result = compute({ exceptions: [exception("assess-decision")], today: "2023-03-20" });
      expect(timescale(result, "assess-decision").status).toBe("exception");
      expect(timescale(result, "plan-decision").status).toBe("upcoming");
      expect(result.overdue).toBe(false);
    });

    it("shows an exception recorded before the deadline", () => {
      const result = compute({ exceptions: [exception("plan-decision", "2023-02-01")], today: "2023-02-01" });
      expect(timescale(result, "plan-decision").status).toBe("exception");
      expect(timescale(result, "assess-decision").status).toBe("upcoming");
    });

    it("does not let one timescale's exception excuse another", () => {
      const result = compute({ exceptions: [exception("final-plan")], today: "2023-03-13" });
      expect(timescale(result, "assess-decision").status).toBe("overdue");
    });

    it("marks later deadlines not-needed after a decision not to assess", () => {
      const result = compute({ stages: [{ ...assessYes, outcome: "no" }], today: "2023-12-01" });
      expect(result.timescales.map((t) => [t.key, t.status])).toEqual([
        ["assess-decision", "met"],
        ["plan-decision", "not-needed"],
        ["final-plan", "not-needed"],
      ]);
      expect(result.overdue).toBe(false);
      expect(result.nextDue).toBeNull();
    });

    it("marks the final plan not-needed after a decision not to issue a plan", () => {
      const result = compute({ stages: [assessYes, assessment, { ...planYes, date: "2023-05-25", outcome: "no" }], today: "2023-12-01" });
      expect(result.timescales.map((t) => [t.key, t.status])).toEqual([
        ["assess-decision", "met"],
        ["plan-decision", "met-late"],
        ["final-plan", "not-needed"],
      ]);
      expect(result.nextDue).toBeNull();
    });
  });

  describe("comments on the draft plan", () => {
    it("appears once a draft plan is recorded, 15 days from it", () => {
      expect(compute({ stages: [assessYes, assessment, planYes], today: "2023-05-20" }).timescales.map((t) => t.key)).not.toContain("draft-comments");
      const result = compute({ stages: [assessYes, assessment, planYes, draftPlan], today: "2023-06-13" });
      expect(timescale(result, "draft-comments")).toMatchObject({ due: "2023-06-13", completedOn: null, status: "upcoming" });
      expect(timescale(compute({ rule: "day-after", stages: [assessYes, assessment, planYes, draftPlan] }), "draft-comments").due).toBe("2023-06-14");
    });

    it("is met, never overdue, once its due date has passed", () => {
      const result = compute({ stages: [assessYes, assessment, planYes, draftPlan], today: "2023-06-14" });
      expect(timescale(result, "draft-comments").status).toBe("met");
    });

    it("is not the next deadline: the council's final plan deadline is", () => {
      const result = compute({ stages: [assessYes, assessment, planYes, { ...draftPlan, date: "2023-06-01" }], today: "2023-06-02" });
      expect(timescale(result, "draft-comments").due).toBe("2023-06-15");
      expect(result.nextDue).toBe("2023-06-18");
    });
  });

  describe("annual review", () => {
    it("is due 12 months from the final plan", () => {
      const result = compute({ stages: throughFinalPlan, today: "2023-07-01" });
      expect(result.timescales.map((t) => t.key)).toEqual(["assess-decision", "plan-decision", "final-plan", "draft-comments", "annual-review"]);
      expect(timescale(result, "annual-review")).toMatchObject({ due: "2024-06-15", completedOn: null, status: "upcoming" });
      expect(timescale(compute({ rule: "day-after", stages: throughFinalPlan }), "annual-review").due).toBe("2024-06-16");
    });

    it("is due 12 months from the latest review once one is held", () => {
      const reviews: RecordedStage[] = [
        { kind: "annual-review", date: "2024-06-01" },
        { kind: "annual-review", date: "2025-05-20" },
      ];
      const result = compute({ stages: [...throughFinalPlan, ...reviews], today: "2025-06-01" });
      expect(timescale(result, "annual-review")).toMatchObject({ due: "2026-05-19", status: "upcoming" });
      expect(result.stage).toBe("plan-in-place");
    });

    it("handles a plan issued on 29 February or a month end", () => {
      const leap = compute({ stages: [...throughFinalPlan.slice(0, 4), { kind: "final-plan", date: "2024-02-29" }], today: "2024-03-01" });
      expect(timescale(leap, "annual-review").due).toBe("2025-02-28");
      const fromReview = compute({ stages: [...throughFinalPlan, { kind: "annual-review", date: "2024-02-29" }], today: "2024-03-01" });
      expect(timescale(fromReview, "annual-review").due).toBe("2025-02-28");
      const march = compute({ stages: [...throughFinalPlan.slice(0, 4), { kind: "final-plan", date: "2023-03-01" }] });
      expect(timescale(march, "annual-review").due).toBe("2024-02-29");
      const august = compute({ stages: [...throughFinalPlan.slice(0, 4), { kind: "final-plan", date: "2023-08-31" }] });
      expect(timescale(august, "annual-review").due).toBe("2024-08-30");
    });

    it("is overdue the day after it was due", () => {
      const result = compute({ stages: throughFinalPlan, today: "2024-06-16" });
      expect(timescale(result, "annual-review").status).toBe("overdue");
      expect(result.overdue).toBe(true);
      expect(result.nextDue).toBe("2024-06-15");
    });
  });

  describe("stage", () => {
    const cases: [string, CaseStage, RecordedStage[]][] = [
      ["nothing recorded", "awaiting-assess-decision", []],
      ["a decision not to assess", "not-assessing", [{ ...assessYes, outcome: "no" }]],
      ["a decision to assess", "assessing", [assessYes]],
      ["the assessment completed", "awaiting-plan-decision", [assessYes, assessment]],
      ["a decision not to issue a plan", "not-issuing", [assessYes, assessment, { ...planYes, outcome: "no" }]],
      ["a decision to issue a plan", "drafting-plan", [assessYes, assessment, planYes]],
      ["a draft plan", "draft-plan-issued", [assessYes, assessment, planYes, draftPlan]],
      ["a final plan", "plan-in-place", throughFinalPlan],
      ["an annual review", "plan-in-place", [...throughFinalPlan, { kind: "annual-review", date: "2024-06-01" }]],
    ];
    it.each(cases)("after %s the case is %s", (_name, expected, stages) => {
      expect(compute({ stages }).stage).toBe(expected);
    });
  });

  describe("nextDue and overdue", () => {
    it("is the earliest open deadline", () => {
      expect(compute()).toMatchObject({ nextDue: "2023-03-12", overdue: false });
      expect(compute({ stages: [assessYes], today: "2023-03-12" })).toMatchObject({ nextDue: "2023-05-21", overdue: false });
      expect(compute({ stages: [assessYes, assessment, planYes], today: "2023-05-20" })).toMatchObject({ nextDue: "2023-06-18", overdue: false });
    });

    it("includes overdue deadlines", () => {
      expect(compute({ today: "2023-03-13" })).toMatchObject({ nextDue: "2023-03-12", overdue: true });
      expect(compute({ stages: [assessYes], today: "2023-06-19" })).toMatchObject({ nextDue: "2023-05-21", overdue: true });
    });

    it("leaves out deadlines excused by an exception", () => {
      const result = compute({ exceptions: [exception("assess-decision")], today: "2023-03-20" });
      expect(result).toMatchObject({ nextDue: "2023-05-21", overdue: false });
    });

    it("moves to the annual review once the plan is final", () => {
      expect(compute({ stages: throughFinalPlan, today: "2023-06-16" })).toMatchObject({ nextDue: "2024-06-15", overdue: false });
    });
  });
});

describe("currentStageTimescale", () => {
  const cases: [CaseStage, TimescaleKey | null][] = [
    ["awaiting-assess-decision", "assess-decision"],
    ["assessing", "plan-decision"],
    ["awaiting-plan-decision", "plan-decision"],
    ["drafting-plan", "final-plan"],
    ["draft-plan-issued", "final-plan"],
    ["plan-in-place", "annual-review"],
    ["not-assessing", null],
    ["not-issuing", null],
  ];
  it.each(cases)("%s waits on %s", (stage, expected) => {
    expect(currentStageTimescale(stage)).toBe(expected);
  });
});

describe("checkNextStage", () => {
  const today = "2023-12-01";
  const check = (stages: RecordedStage[], next: RecordedStage) => checkNextStage({ requestDate: REQUEST, stages, next, today });

  it("accepts each stage in order", () => {
    expect(check([], assessYes)).toEqual({ ok: true });
    expect(check([assessYes], assessment)).toEqual({ ok: true });
    expect(check([assessYes, assessment], { ...planYes, outcome: "no" })).toEqual({ ok: true });
    expect(check([assessYes, assessment, planYes], draftPlan)).toEqual({ ok: true });
    expect(check([assessYes, assessment, planYes, draftPlan], finalPlan)).toEqual({ ok: true });
    expect(check(throughFinalPlan, { kind: "annual-review", date: "2023-11-30" })).toEqual({ ok: true });
  });

  it("allows repeated annual reviews", () => {
    const reviewed = [...throughFinalPlan, { kind: "annual-review", date: "2024-06-01" } as RecordedStage];
    const result = checkNextStage({ requestDate: REQUEST, stages: reviewed, next: { kind: "annual-review", date: "2025-05-20" }, today: "2025-06-01" });
    expect(result).toEqual({ ok: true });
  });

  it("refuses to skip a stage", () => {
    expect(check([], assessment)).toEqual({ ok: false, field: "kind", message: "Record the decision whether to assess first" });
    expect(check([assessYes], planYes)).toEqual({ ok: false, field: "kind", message: "Record that the assessment was completed first" });
    expect(check([assessYes, assessment], finalPlan)).toEqual({ ok: false, field: "kind", message: "Record the decision whether to issue a plan first" });
    expect(check([assessYes, assessment, planYes], finalPlan)).toEqual({ ok: false, field: "kind", message: "Record that the draft plan was issued first" });
    expect(check([assessYes, assessment, planYes, draftPlan], { kind: "annual-review", date: "2023-06-20" })).toEqual({
      ok: false,
      field: "kind",
      message: "Record that the final plan was issued first",
    });
  });

  it("refuses to record a stage twice", () => {
    expect(check([assessYes], assessYes)).toEqual({ ok: false, field: "kind", message: "The decision whether to assess has already been recorded" });
    expect(check(throughFinalPlan, { ...finalPlan, date: "2023-07-01" })).toEqual({
      ok: false,
      field: "kind",
      message: "The final plan has already been recorded as issued",
    });
  });

  it("refuses anything after a decision not to assess or not to issue a plan", () => {
    expect(check([{ ...assessYes, outcome: "no" }], assessment)).toEqual({ ok: false, field: "kind", message: "The case ended with a decision not to assess" });
    expect(check([{ ...assessYes, outcome: "no" }], assessYes)).toEqual({ ok: false, field: "kind", message: "The case ended with a decision not to assess" });
    expect(check([assessYes, assessment, { ...planYes, outcome: "no" }], draftPlan)).toEqual({
      ok: false,
      field: "kind",
      message: "The case ended with a decision not to issue a plan",
    });
  });

  it("needs a yes or no outcome for a decision", () => {
    expect(check([], { kind: "assess-decision", date: "2023-03-10" })).toEqual({
      ok: false,
      field: "outcome",
      message: "Select whether the council decided to assess",
    });
    expect(check([assessYes, assessment], { kind: "plan-decision", date: "2023-05-12" })).toEqual({
      ok: false,
      field: "outcome",
      message: "Select whether the council decided to issue a plan",
    });
    const garbled = { kind: "assess-decision", date: "2023-03-10", outcome: "maybe" } as unknown as RecordedStage;
    expect(check([], garbled)).toMatchObject({ ok: false, field: "outcome" });
  });

  it("refuses an outcome on a stage that is not a decision", () => {
    expect(check([assessYes], { ...assessment, outcome: "yes" })).toEqual({
      ok: false,
      field: "outcome",
      message: "Assessment completed does not have a yes or no outcome",
    });
  });

  it("refuses a date that is not real", () => {
    expect(check([], { ...assessYes, date: "2023-02-30" })).toEqual({ ok: false, field: "date", message: "The date must be a real date" });
    expect(check([], { ...assessYes, date: "" })).toMatchObject({ ok: false, field: "date" });
  });

  it("refuses a date in the future but accepts today", () => {
    expect(check([], { ...assessYes, date: "2023-12-02" })).toEqual({ ok: false, field: "date", message: "The date cannot be in the future" });
    expect(check([], { ...assessYes, date: today })).toEqual({ ok: true });
  });

  it("refuses a date before the request was received but accepts the same day", () => {
    expect(check([], { ...assessYes, date: "2023-01-29" })).toEqual({
      ok: false,
      field: "date",
      message: "The date cannot be before the request was received on 30 January 2023",
    });
    expect(check([], { ...assessYes, date: REQUEST })).toEqual({ ok: true });
  });

  it("refuses a date before the previous stage but accepts the same day", () => {
    expect(check([assessYes], { ...assessment, date: "2023-03-09" })).toEqual({
      ok: false,
      field: "date",
      message: "The date cannot be before the previous stage (decision whether to assess) on 10 March 2023",
    });
    expect(check([assessYes], { ...assessment, date: "2023-03-10" })).toEqual({ ok: true });
  });
});

describe("the day-one rule", () => {
  it.each<[DayOneRule, string[]]>([
    ["request-day", ["2023-03-12", "2023-05-21", "2023-06-18"]],
    ["day-after", ["2023-03-13", "2023-05-22", "2023-06-19"]],
  ])("%s gives the guide's deadlines", (rule, dues) => {
    expect(compute({ rule }).timescales.map((t) => t.due)).toEqual(dues);
  });
});
