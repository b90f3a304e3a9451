/**
 * Who in a family may see a child's case (issue 8): only a person whose access is active, each
 * parent to their own children, and a revoke takes effect at the very next read. Staff-only
 * functions refuse everyone else.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendAccess, sendInvitations } from "@/db/schema";
import { stageSubject } from "@/emails/send-mailer";
import {
  activateAccess,
  answerInvitations,
  cancelInvitation,
  caseForFamily,
  claimInvitation,
  getDashboard,
  invite,
  listAwaitingApproval,
  listCases,
  listFamilyChildren,
  recordException,
  recordStage,
  resendInvitation,
  revokeAccess,
  verifyIdentity,
  viewCase,
} from "@/lib/send";
import { db, emailsTo, ensureCouncil } from "@/tests/support/auth-fixture";
import {
  aCase,
  accessRows,
  aFamilyUser,
  aStaffUser,
  caseInput,
  invitationRow,
  inviteAndVerify,
  latestIdentityCodeTo,
  sendDepsAt,
  type TestStaff,
  anActiveCase,
} from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let caseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker");
});

/** A case with one parent (at the requestor's address) whose access is active. */
const activeCase = (overrides: Parameters<typeof caseInput>[1] = {}) => anActiveCase(caseworker, t0, overrides);

describe("family access", () => {
  it("does not let one parent read another parent's child", async () => {
    const a = await activeCase();
    const b = await activeCase();
    const deps = sendDepsAt(at(2));

    expect(await caseForFamily(db, a.parent, b.caseId)).toBeNull();
    expect(await getDashboard(deps, a.parent, b.caseId)).toBeNull();
    expect(await caseForFamily(db, b.parent, a.caseId)).toBeNull();
    expect(await getDashboard(deps, b.parent, a.caseId)).toBeNull();
    expect((await listFamilyChildren(db, a.parent)).map((child) => child.caseId)).toEqual([a.caseId]);

    // Each still sees their own.
    expect(await caseForFamily(db, a.parent, a.caseId)).toMatchObject({ id: a.caseId });
    expect((await getDashboard(deps, b.parent, b.caseId))?.caseId).toBe(b.caseId);
    // Nonsense ids are simply not found.
    expect(await caseForFamily(db, a.parent, "not-a-uuid")).toBeNull();
    expect(await getDashboard(deps, { userId: "not-a-uuid" }, a.caseId)).toBeNull();
  });

  it("lets two parents each with access to one child both see it, and news goes to both", async () => {
    const { caseId, input, parent: first } = await activeCase();
    // Invitations go to the requestor's address only, so the second parent's access row is made
    // directly (as an accepted invitation would make it) and activated the usual way.
    const second = await aFamilyUser();
    const [row] = await db.insert(sendAccess).values({ caseId, userId: second.userId, status: "pending", acceptedAt: at(2) }).returning({ id: sendAccess.id });
    expect(await activateAccess(sendDepsAt(at(3)), caseworker, row!.id)).toEqual({ status: "done" });

    for (const parent of [first, second]) {
      expect(await caseForFamily(db, parent, caseId)).toMatchObject({ id: caseId });
      expect((await getDashboard(sendDepsAt(at(4)), parent, caseId))?.childName).toBe(`${input.childForename} ${input.childSurname}`);
      expect((await listFamilyChildren(db, parent)).map((child) => [child.caseId, child.status])).toEqual([[caseId, "active"]]);
    }

    expect(await recordStage(sendDepsAt(at(5)), caseworker, { caseId, kind: "assess-decision", outcome: "yes", date: "2023-02-20" })).toEqual({ status: "done" });
    for (const parent of [first, second]) expect((await emailsTo(parent.email))[0]!.subject).toBe(stageSubject("assess-decision"));

    // Revoking one parent leaves the other's access alone.
    const [firstAccess] = await accessRows(caseId, first.userId);
    expect(await revokeAccess(sendDepsAt(at(6)), caseworker, firstAccess!.id)).toEqual({ status: "done" });
    expect(await caseForFamily(db, first, caseId)).toBeNull();
    expect(await caseForFamily(db, second, caseId)).toMatchObject({ id: caseId });
  });

  it("shows one parent both of their children, claimed with one link and answered on one page", async () => {
    const email = caseInput(caseworker).requestorEmail;
    const older = caseInput(caseworker, { childForename: "Aurelio", requestorEmail: email });
    const younger = caseInput(caseworker, { childForename: "Bronagh", childSurname: older.childSurname, requestorEmail: email, childDateOfBirth: "2018-06-01" });
    const first = await aCase(sendDepsAt(t0), caseworker, older);
    const second = await aCase(sendDepsAt(t0), caseworker, younger);
    const firstInvitation = await inviteAndVerify(sendDepsAt(at(1)), caseworker, first.caseId, email);
    const secondInvitation = await inviteAndVerify(sendDepsAt(at(2)), caseworker, second.caseId, email);

    const parent = await aFamilyUser(email);
    expect(await claimInvitation(sendDepsAt(at(3)), parent, secondInvitation.token)).toEqual({ status: "done" });
    const awaiting = await listAwaitingApproval(db, parent);
    expect(awaiting.map((item) => item.invitationId).sort()).toEqual([firstInvitation.invitationId, secondInvitation.invitationId].sort());

    expect(await answerInvitations(sendDepsAt(at(4)), parent, { invitationIds: awaiting.map((item) => item.invitationId), answer: "yes" })).toEqual({ status: "done", answered: 2 });
    for (const caseId of [first.caseId, second.caseId]) {
      const [access] = await accessRows(caseId, parent.userId);
      expect(await activateAccess(sendDepsAt(at(5)), caseworker, access!.id)).toEqual({ status: "done" });
    }

    expect(await listFamilyChildren(db, parent)).toEqual([
      { caseId: first.caseId, childName: `Aurelio ${older.childSurname}`, status: "active" },
      { caseId: second.caseId, childName: `Bronagh ${older.childSurname}`, status: "active" },
    ]);
    for (const caseId of [first.caseId, second.caseId]) {
      expect(await caseForFamily(db, parent, caseId)).toMatchObject({ id: caseId });
      expect((await getDashboard(sendDepsAt(at(6)), parent, caseId))?.caseId).toBe(caseId);
    }
  });

  it("ends access at the very next read once it is revoked", async () => {
    const { caseId, parent, accessId } = await activeCase();
    expect(await getDashboard(sendDepsAt(at(2)), parent, caseId)).not.toBeNull();

    expect(await revokeAccess(sendDepsAt(at(3)), caseworker, accessId)).toEqual({ status: "done" });
    expect(await caseForFamily(db, parent, caseId)).toBeNull();
    expect(await getDashboard(sendDepsAt(at(3)), parent, caseId)).toBeNull();
    expect(await listFamilyChildren(db, parent)).toEqual([]);
    expect((await accessRows(caseId, parent.userId))[0]).toMatchObject({ status: "revoked", revokedAt: at(3) });
    // Neither revoked again nor re-activated by the activate button.
    expect((await revokeAccess(sendDepsAt(at(4)), caseworker, accessId)).status).toBe("invalid");
    expect((await activateAccess(sendDepsAt(at(4)), caseworker, accessId)).status).toBe("invalid");
    expect(await caseForFamily(db, parent, caseId)).toBeNull();
  });

  it("revokes pending access too, so it can never be activated", async () => {
    const input = caseInput(caseworker);
    const { caseId } = await aCase(sendDepsAt(t0), caseworker, input);
    const { invitationId, token } = await inviteAndVerify(sendDepsAt(at(1)), caseworker, caseId, input.requestorEmail);
    const parent = await aFamilyUser(input.requestorEmail);
    await claimInvitation(sendDepsAt(at(2)), parent, token);
    await answerInvitations(sendDepsAt(at(2)), parent, { invitationIds: [invitationId], answer: "yes" });
    const [access] = await accessRows(caseId, parent.userId);
    expect(await revokeAccess(sendDepsAt(at(3)), caseworker, access!.id)).toEqual({ status: "done" });
    expect((await activateAccess(sendDepsAt(at(4)), caseworker, access!.id)).status).toBe("invalid");
    expect(await caseForFamily(db, parent, caseId)).toBeNull();
  });
});

describe("staff-only functions", () => {
  it("are forbidden to a parent or a referrer, and change nothing", async () => {
    const input = caseInput(caseworker);
    const { caseId } = await aCase(sendDepsAt(t0), caseworker, input);
    const invited = await invite(sendDepsAt(at(1)), caseworker, caseId);
    if (invited.status !== "done") throw new Error("expected an invitation");
    const code = await latestIdentityCodeTo(input.requestorEmail);
    const parent = await aFamilyUser();
    const [pending] = await db.insert(sendAccess).values({ caseId, userId: parent.userId, status: "pending", acceptedAt: at(1) }).returning({ id: sendAccess.id });
    const deps = sendDepsAt(at(2));

    for (const role of ["parent", "referrer"] as const) {
      const notStaff = { userId: parent.userId, role, ip: null };
      expect(await activateAccess(deps, notStaff, pending!.id)).toEqual({ status: "forbidden" });
      expect(await revokeAccess(deps, notStaff, pending!.id)).toEqual({ status: "forbidden" });
      expect(await viewCase(deps, notStaff, caseId)).toEqual({ status: "forbidden" });
      expect(await invite(deps, notStaff, caseId)).toEqual({ status: "forbidden" });
      expect(await verifyIdentity(deps, notStaff, { invitationId: invited.invitationId, code })).toEqual({ status: "forbidden" });
      expect(await resendInvitation(deps, notStaff, invited.invitationId)).toEqual({ status: "forbidden" });
      expect(await cancelInvitation(deps, notStaff, invited.invitationId)).toEqual({ status: "forbidden" });
      expect(await recordStage(deps, notStaff, { caseId, kind: "assess-decision", outcome: "yes", date: "2023-02-20" })).toEqual({ status: "forbidden" });
      expect(await recordException(deps, notStaff, { caseId, timescale: "assess-decision", reason: "school-closure", note: "n" })).toEqual({ status: "forbidden" });
      expect(await listCases(deps, notStaff, { stage: "all" })).toEqual({ status: "forbidden" });
    }

    expect(await caseForFamily(db, parent, caseId)).toBeNull();
    expect((await accessRows(caseId, parent.userId))[0]).toMatchObject({ status: "pending" });
    expect(await invitationRow(invited.invitationId)).toMatchObject({ status: "awaiting-verification", wrongCodes: 0 });
    expect(await db.$count(sendInvitations, eq(sendInvitations.caseId, caseId))).toBe(1);
    // The code was never used, so the caseworker can still verify it.
    expect(await verifyIdentity(sendDepsAt(at(3)), caseworker, { invitationId: invited.invitationId, code })).toEqual({ status: "done" });
  });
});
