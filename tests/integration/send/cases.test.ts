/**
 * EHCP cases for SEND caseworkers (issue 8): creating with date checks, the statutory
 * timescales, the list's search and order, stages in order, the family's stage email, and the
 * audit trail every view and action leaves.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendCases } from "@/db/schema";
import { SEND_SUBJECTS, stageSubject } from "@/emails/send-mailer";
import { cancelInvitation, createCase, invite, listCases, recordException, recordStage, resendInvitation, revokeAccess, verifyIdentity, viewCase } from "@/lib/send";
import { db, emailsTo, ensureCouncil } from "@/tests/support/auth-fixture";
import {
  aCase,
  aStaffUser,
  auditEventsFor,
  caseInput,
  giveActiveAccess,
  latestIdentityCodeTo,
  sendDepsAt,
  uniqueSurname,
  viewed,
  type TestStaff,
} from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let caseworker: TestStaff;
let admin: TestStaff;
let referrer: TestStaff;
let parentRole: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker", "Casey");
  admin = await aStaffUser("admin", "Ada");
  referrer = await aStaffUser("referrer", "Rita");
  parentRole = await aStaffUser("parent", "Paula");
});

const casesCalled = (surname: string) => db.select({ id: sendCases.id }).from(sendCases).where(eq(sendCases.childSurname, surname));

describe("creating a case", () => {
  it("refuses a request date in the future, with a field error, and creates nothing", async () => {
    const input = caseInput(caseworker, { requestDate: "2023-03-02" });
    const result = await createCase(sendDepsAt(t0), caseworker, input);
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(Object.keys(result.errors)).toEqual(["requestDate"]);
    expect(result.errors.requestDate).toMatch(/future/i);
    expect(await casesCalled(input.childSurname)).toEqual([]);
  });

  it("refuses a request date that is not a real date (30 February), with a field error", async () => {
    const input = caseInput(caseworker, { requestDate: "2023-02-30" });
    const result = await createCase(sendDepsAt(t0), caseworker, input);
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(Object.keys(result.errors)).toEqual(["requestDate"]);
    expect(result.errors.requestDate).toMatch(/real date/i);
    expect(await casesCalled(input.childSurname)).toEqual([]);
  });

  it("refuses a child's name carrying hidden direction or control characters, and creates nothing", async () => {
    const input = caseInput(caseworker, { childForename: "Sam\u202Eyllek", childSurname: `Hidden\u0007${Date.now()}` });
    const result = await createCase(sendDepsAt(t0), caseworker, input);
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(Object.keys(result.errors).sort()).toEqual(["childForename", "childSurname"]);
    expect(result.errors.childForename).toMatch(/hidden formatting characters/);
    expect(await casesCalled(input.childSurname)).toEqual([]);
  });

  it("accepts a request received today, judging today by the London calendar, not UTC", async () => {
    expect((await createCase(sendDepsAt(t0), caseworker, caseInput(caseworker, { requestDate: "2023-03-01" }))).status).toBe("done");
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    const lateEvening = new Date("2023-06-30T23:30:00Z");
    expect((await createCase(sendDepsAt(lateEvening), caseworker, caseInput(caseworker, { requestDate: "2023-07-01" }))).status).toBe("done");
  });

  it("is forbidden to anyone who is not a caseworker or admin", async () => {
    for (const user of [referrer, parentRole]) {
      const input = caseInput(caseworker);
      expect(await createCase(sendDepsAt(t0), user, input)).toEqual({ status: "forbidden" });
      expect(await casesCalled(input.childSurname)).toEqual([]);
    }
    expect((await createCase(sendDepsAt(t0), admin, caseInput(caseworker))).status).toBe("done");
  });

  it("shows the statutory timescales worked out from the request date (day 1 = the request day)", async () => {
    const input = caseInput(caseworker, { requestDate: "2023-01-30" });
    const { caseId, number } = await aCase(sendDepsAt(t0), caseworker, input);
    expect(number).toMatch(/^EHC-\d{6}$/);
    const view = await viewed(sendDepsAt(at(1)), caseworker, caseId);
    expect(view).toMatchObject({ id: caseId, number, requestDate: "2023-01-30", stage: "awaiting-assess-decision", nextDue: "2023-03-12", overdue: false });
    expect(view.child).toEqual({ forename: input.childForename, surname: input.childSurname, dateOfBirth: "2015-03-27" });
    expect(view.caseworker).toMatchObject({ id: caseworker.userId, name: caseworker.name });
    const due = Object.fromEntries(view.timescales.map((timescale) => [timescale.key, timescale.due]));
    expect(due).toEqual({ "assess-decision": "2023-03-12", "plan-decision": "2023-05-21", "final-plan": "2023-06-18" });
    expect(view.timescales.every((timescale) => timescale.status === "upcoming")).toBe(true);
  });
});

describe("the caseworkers' list", () => {
  it("finds a case by part of the child's name (any case) and by its case number", async () => {
    const input = caseInput(caseworker, { childForename: "Ottoline" });
    const { caseId, number } = await aCase(sendDepsAt(t0), caseworker, input);
    const deps = sendDepsAt(at(1));

    const bySurnamePart = await listCases(deps, caseworker, { stage: "all", search: ` ${input.childSurname.slice(3).toUpperCase()} ` });
    expect("rows" in bySurnamePart && bySurnamePart.rows.map((row) => row.id)).toEqual([caseId]);
    const acrossNames = await listCases(deps, caseworker, { stage: "all", search: `tOLINE   ${input.childSurname.slice(0, 8)}` });
    expect("rows" in acrossNames && acrossNames.rows.map((row) => row.id)).toEqual([caseId]);

    const byNumber = await listCases(deps, admin, { stage: "all", search: number });
    expect("rows" in byNumber && byNumber.rows.map((row) => row.id)).toEqual([caseId]);
    const byBareNumber = await listCases(deps, admin, { stage: "all", search: number.replace(/^EHC-0*/, "ehc") });
    expect("rows" in byBareNumber && byBareNumber.rows.map((row) => row.id)).toEqual([caseId]);
    if (!("rows" in byNumber)) return;
    expect(byNumber.total).toBe(1);
    expect(byNumber.rows[0]).toMatchObject({ number, childName: `Ottoline ${input.childSurname}`, requestDate: "2023-01-30", caseworkerName: caseworker.name, stage: "awaiting-assess-decision", nextDue: "2023-03-12" });

    expect(await listCases(deps, referrer, { stage: "all", search: number })).toEqual({ status: "forbidden" });
  });

  it("puts the nearest due date first (not the oldest request), and cases with nothing due last", async () => {
    const surname = uniqueSurname("Sibling");
    const deps = sendDepsAt(t0);
    // Oldest request, but its decision to assess is made: next due is the plan decision, 1 May.
    const planStage = await aCase(deps, caseworker, caseInput(caseworker, { childForename: "Anna", childSurname: surname, requestDate: "2023-01-10" }));
    expect(await recordStage(sendDepsAt(at(1)), caseworker, { caseId: planStage.caseId, kind: "assess-decision", outcome: "yes", date: "2023-02-15" })).toEqual({ status: "done" });
    // Oldest of all, ended by a decision not to assess: nothing is due.
    const ended = await aCase(deps, caseworker, caseInput(caseworker, { childForename: "Dora", childSurname: surname, requestDate: "2023-01-05" }));
    expect(await recordStage(sendDepsAt(at(2)), caseworker, { caseId: ended.caseId, kind: "assess-decision", outcome: "no", date: "2023-02-10" })).toEqual({ status: "done" });
    const dueTwelfth = await aCase(deps, caseworker, caseInput(caseworker, { childForename: "Bert", childSurname: surname, requestDate: "2023-01-30" }));
    const dueSecond = await aCase(deps, caseworker, caseInput(caseworker, { childForename: "Cleo", childSurname: surname, requestDate: "2023-01-20" }));

    const list = await listCases(sendDepsAt(at(3)), caseworker, { stage: "all", search: surname });
    if (!("rows" in list)) throw new Error("expected a list");
    expect(list.total).toBe(4);
    expect(list.rows.map((row) => [row.id, row.nextDue])).toEqual([
      [dueSecond.caseId, "2023-03-02"],
      [dueTwelfth.caseId, "2023-03-12"],
      [planStage.caseId, "2023-05-01"],
      [ended.caseId, null],
    ]);

    const atRequestStage = await listCases(sendDepsAt(at(3)), caseworker, { stage: "request", search: surname });
    expect("rows" in atRequestStage && atRequestStage.rows.map((row) => row.id)).toEqual([dueSecond.caseId, dueTwelfth.caseId]);
    const endedOnly = await listCases(sendDepsAt(at(3)), caseworker, { stage: "ended", search: surname });
    expect("rows" in endedOnly && endedOnly.rows.map((row) => row.id)).toEqual([ended.caseId]);
  });
});

describe("recording stages", () => {
  it("refuses a stage out of order and accepts the stages in order", async () => {
    const input = caseInput(caseworker);
    const { caseId } = await aCase(sendDepsAt(t0), caseworker, input);

    const tooEarly = await recordStage(sendDepsAt(at(1)), caseworker, { caseId, kind: "assessment", date: "2023-02-20" });
    expect(tooEarly.status).toBe("invalid");
    if (tooEarly.status === "invalid") expect(tooEarly.errors.kind).toMatch(/decision whether to assess first/i);
    const future = await recordStage(sendDepsAt(at(1)), caseworker, { caseId, kind: "assess-decision", outcome: "yes", date: "2023-03-02" });
    expect(future.status).toBe("invalid");
    if (future.status === "invalid") expect(Object.keys(future.errors)).toEqual(["date"]);
    expect((await viewed(sendDepsAt(at(1)), caseworker, caseId)).stages).toEqual([]);
    // Nothing was recorded, so the family was not emailed.
    expect(await emailsTo(input.requestorEmail)).toEqual([]);

    expect(await recordStage(sendDepsAt(at(2)), caseworker, { caseId, kind: "assess-decision", outcome: "yes", date: "2023-02-20" })).toEqual({ status: "done" });
    expect(await recordStage(sendDepsAt(at(3)), caseworker, { caseId, kind: "assessment", date: "2023-02-27" })).toEqual({ status: "done" });
    const again = await recordStage(sendDepsAt(at(4)), caseworker, { caseId, kind: "assess-decision", outcome: "yes", date: "2023-02-28" });
    expect(again.status).toBe("invalid");

    const view = await viewed(sendDepsAt(at(5)), caseworker, caseId);
    expect(view.stage).toBe("awaiting-plan-decision");
    expect(view.stages).toEqual([
      { kind: "assess-decision", outcome: "yes", date: "2023-02-20" },
      { kind: "assessment", date: "2023-02-27" },
    ]);
    expect(view.timescales.find((timescale) => timescale.key === "assess-decision")).toMatchObject({ completedOn: "2023-02-20", status: "met" });
  });

  it("emails the requestor (no one has access yet) that something happened, without naming the child", async () => {
    const input = caseInput(caseworker, { childForename: "Wilhelmina" });
    const { caseId } = await aCase(sendDepsAt(t0), caseworker, input);
    expect(await recordStage(sendDepsAt(at(1)), caseworker, { caseId, kind: "assess-decision", outcome: "no", date: "2023-02-20" })).toEqual({ status: "done" });

    const emails = await emailsTo(input.requestorEmail);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email!.subject).toBe(stageSubject("assess-decision"));
    expect(email!.text).toContain("http://localhost:3000/send");
    for (const part of [input.childForename, input.childSurname]) {
      for (const body of [email!.subject, email!.text, email!.html]) expect((body ?? "").toLowerCase()).not.toContain(part.toLowerCase());
    }
    // Nor what was decided.
    expect(`${email!.subject} ${email!.text}`).not.toMatch(/not to assess|decided not/i);
  });
});

describe("the audit trail", () => {
  it("writes an audit row, with the acting user and the case, for every view and action", async () => {
    const input = caseInput(caseworker);
    let minute = 0;
    const next = () => sendDepsAt(at(++minute));
    const { caseId } = await aCase(next(), caseworker, input);
    await viewed(next(), caseworker, caseId);
    expect(await recordStage(next(), caseworker, { caseId, kind: "assess-decision", outcome: "yes", date: "2023-02-20" })).toEqual({ status: "done" });
    expect(await recordException(next(), caseworker, { caseId, timescale: "plan-decision", reason: "school-closure", note: "School shut for refurbishment" })).toEqual({ status: "done" });

    const first = await invite(next(), caseworker, caseId);
    if (first.status !== "done") throw new Error("expected an invitation");
    expect((await verifyIdentity(next(), caseworker, { invitationId: first.invitationId, code: "AAAA-AAAA" })).status).toBe("invalid");
    expect(await verifyIdentity(next(), caseworker, { invitationId: first.invitationId, code: await latestIdentityCodeTo(input.requestorEmail) })).toEqual({ status: "done" });
    expect(await resendInvitation(next(), caseworker, first.invitationId)).toEqual({ status: "done" });
    expect(await cancelInvitation(next(), caseworker, first.invitationId)).toEqual({ status: "done" });

    const { accessId, parent } = await giveActiveAccess(next(), admin, caseId, input.requestorEmail);
    expect(await revokeAccess(next(), caseworker, accessId)).toEqual({ status: "done" });

    const rows = await auditEventsFor(caseId);
    const events = rows.map((row) => row.event);
    for (const event of [
      "send-case-created",
      "send-case-viewed",
      "send-stage-recorded",
      "send-exception-recorded",
      "send-invited",
      "send-identity-code-refused",
      "send-identity-verified",
      "send-invitation-resent",
      "send-invitation-cancelled",
      "send-access-activated",
      "send-access-revoked",
      "send-invitation-answered",
    ]) {
      expect(events, event).toContain(event);
    }
    const by = (event: string) => rows.filter((row) => row.event === event).map((row) => row.userId);
    expect(by("send-case-created")).toEqual([caseworker.userId]);
    expect(by("send-case-viewed")).toEqual([caseworker.userId]);
    expect(by("send-stage-recorded")).toEqual([caseworker.userId]);
    expect(by("send-exception-recorded")).toEqual([caseworker.userId]);
    expect(by("send-invited")).toEqual([caseworker.userId, admin.userId]);
    expect(by("send-identity-code-refused")).toEqual([caseworker.userId]);
    expect(by("send-identity-verified").sort()).toEqual([caseworker.userId, admin.userId].sort());
    expect(by("send-invitation-resent")).toEqual([caseworker.userId]);
    expect(by("send-invitation-cancelled")).toEqual([caseworker.userId]);
    expect(by("send-access-activated")).toEqual([admin.userId]);
    expect(by("send-access-revoked")).toEqual([caseworker.userId]);
    expect(by("send-invitation-answered")).toEqual([parent.userId]);
  });

  it("writes no audit row and changes nothing when a non-staff user tries", async () => {
    const { caseId } = await aCase(sendDepsAt(t0), caseworker, caseInput(caseworker));
    const before = await auditEventsFor(caseId);
    expect(await viewCase(sendDepsAt(at(1)), referrer, caseId)).toEqual({ status: "forbidden" });
    expect(await recordStage(sendDepsAt(at(1)), referrer, { caseId, kind: "assess-decision", outcome: "yes", date: "2023-02-20" })).toEqual({ status: "forbidden" });
    expect(await recordException(sendDepsAt(at(1)), parentRole, { caseId, timescale: "plan-decision", reason: "school-closure", note: "x" })).toEqual({ status: "forbidden" });
    expect(await auditEventsFor(caseId)).toEqual(before);
    expect((await viewed(sendDepsAt(at(2)), caseworker, caseId)).events.map((event) => event.kind)).toEqual(["case-created"]);
  });
});

// The subjects the journey above relies on, so a renamed email is caught here too.
it("uses the agreed email subjects", () => {
  expect(SEND_SUBJECTS["accept-invitation"]).toBe("Accept Portal Invitation");
  expect(SEND_SUBJECTS["invitation-accepted"]).toBe("Your request is with the SEND team");
  expect(SEND_SUBJECTS["access-activated"]).toBe("Your SEND Dashboard is ready");
});
