/**
 * The SEND Dashboard (issue 8) as an activated parent sees it: the Statutory Timescales strip,
 * the stage, the caseworker, and the History newest first, with exceptions and their notes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { EXCEPTION_REASONS, getDashboard, recordException, recordStage } from "@/lib/send";
import { ensureCouncil } from "@/tests/support/auth-fixture";
import { aCase, aStaffUser, caseInput, giveActiveAccess, sendDepsAt, viewed, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let caseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker", "Morwenna", "Caseworker");
});

async function activeCase() {
  const input = caseInput(caseworker, { requestDate: "2023-01-30" });
  const { caseId, number } = await aCase(sendDepsAt(t0), caseworker, input);
  const { parent } = await giveActiveAccess(sendDepsAt(at(1)), caseworker, caseId, input.requestorEmail);
  return { caseId, number, input, parent };
}

describe("the SEND Dashboard", () => {
  it("shows the strip's dates, the current stage and the caseworker", async () => {
    const { caseId, number, input, parent } = await activeCase();
    const dashboard = await getDashboard(sendDepsAt(at(2)), parent, caseId);
    if (!dashboard) throw new Error("expected the dashboard");

    expect(dashboard).toMatchObject({
      caseId,
      caseNumber: number,
      childName: `${input.childForename} ${input.childSurname}`,
      stage: "awaiting-assess-decision",
      stageName: "Request for assessment",
      requestDate: "2023-01-30",
      requestor: input.requestorName,
      caseworker: { name: "Morwenna Caseworker" },
      // The last Friday in June of the school year the child (born 27 March 2015) turns 16.
      rightsPassOn: "2031-06-27",
    });
    expect(dashboard.strip.map((item) => [item.key, item.date, item.current])).toEqual([
      ["request", "2023-01-30", false],
      ["assess-decision", "2023-03-12", true],
      ["plan-decision", "2023-05-21", false],
      ["final-plan", "2023-06-18", false],
    ]);
    expect(dashboard.history.at(-1)).toMatchObject({ date: "2023-01-30", text: "Request for an EHC needs assessment received" });
  });

  it("moves the stage on when one is recorded", async () => {
    const { caseId, parent } = await activeCase();
    expect(await recordStage(sendDepsAt(at(2)), caseworker, { caseId, kind: "assess-decision", outcome: "yes", date: "2023-02-20" })).toEqual({ status: "done" });
    const dashboard = await getDashboard(sendDepsAt(at(3)), parent, caseId);
    expect(dashboard?.stage).toBe("assessing");
    expect(dashboard?.strip.find((item) => item.current)?.key).toBe("plan-decision");
    expect(dashboard?.timescales.find((timescale) => timescale.key === "assess-decision")).toMatchObject({ status: "met", completedOn: "2023-02-20" });
    // Newest first by the day it happened: access was activated today, after the decision of 20 February.
    expect(dashboard?.history.map((item) => [item.date, item.text])).toEqual([
      ["2023-03-01", "Portal access activated"],
      ["2023-02-20", "Decided to carry out an EHC needs assessment"],
      ["2023-01-30", "Request for an EHC needs assessment received"],
    ]);
  });

  it("shows an exception on the plan decision, and its reason and note first in the History", async () => {
    const { caseId, parent } = await activeCase();
    expect(await recordStage(sendDepsAt(at(2)), caseworker, { caseId, kind: "assess-decision", outcome: "yes", date: "2023-02-20" })).toEqual({ status: "done" });
    const note = "The school is closed for five weeks for building work";
    expect(await recordException(sendDepsAt(at(3)), caseworker, { caseId, timescale: "plan-decision", reason: "school-closure", note: `  ${note}  ` })).toEqual({ status: "done" });

    const dashboard = await getDashboard(sendDepsAt(at(4)), parent, caseId);
    if (!dashboard) throw new Error("expected the dashboard");
    const planDecision = dashboard.timescales.find((timescale) => timescale.key === "plan-decision");
    expect(planDecision).toMatchObject({ due: "2023-05-21", status: "exception", exception: { timescale: "plan-decision", reason: "school-closure", note } });
    expect(dashboard.strip.find((item) => item.key === "plan-decision")?.timescale?.status).toBe("exception");

    expect(dashboard.history[0]).toMatchObject({ date: "2023-03-01", note });
    expect(dashboard.history[0]!.text).toContain(EXCEPTION_REASONS["school-closure"]);
    const texts = dashboard.history.map((item) => item.text);
    expect(texts).toContain("Decided to carry out an EHC needs assessment");
    expect(texts.at(-1)).toBe("Request for an EHC needs assessment received");
    // Newest first throughout.
    const dates = dashboard.history.map((item) => item.date);
    expect(dates).toEqual([...dates].sort().reverse());

    // The caseworker's view agrees.
    const view = await viewed(sendDepsAt(at(5)), caseworker, caseId);
    expect(view.timescales.find((timescale) => timescale.key === "plan-decision")?.status).toBe("exception");
    expect(view.nextDue).toBe("2023-06-18");
  });

  it("refuses an exception without a note, or a missed appointment on a decision timescale", async () => {
    const { caseId } = await activeCase();
    const noNote = await recordException(sendDepsAt(at(2)), caseworker, { caseId, timescale: "plan-decision", reason: "school-closure", note: "   " });
    expect(noNote.status).toBe("invalid");
    if (noNote.status === "invalid") expect(Object.keys(noNote.errors)).toEqual(["note"]);
    const wrongTimescale = await recordException(sendDepsAt(at(2)), caseworker, { caseId, timescale: "assess-decision", reason: "missed-appointment", note: "Missed the EP visit" });
    expect(wrongTimescale.status).toBe("invalid");
    expect((await viewed(sendDepsAt(at(3)), caseworker, caseId)).exceptions).toEqual([]);
  });
});
