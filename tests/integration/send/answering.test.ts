/**
 * Account Setup (issue 8): the parent answers Yes or No for the claimed invitations. Yes makes
 * pending access that shows nothing until a caseworker activates it; No tells the caseworker.
 * Only the invitations this account claimed are touched.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SEND_SUBJECTS } from "@/emails/send-mailer";
import { activateAccess, answerInvitations, caseForFamily, claimInvitation, getDashboard, listAwaitingApproval, listCases, listFamilyChildren } from "@/lib/send";
import { db, emailsTo, ensureCouncil } from "@/tests/support/auth-fixture";
import { aCase, accessRows, aFamilyUser, aStaffUser, caseInput, invitationRow, inviteAndVerify, sendDepsAt, viewed, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let caseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker", "Carys");
});

/** A case whose link the parent (an account at the requestor's address) has claimed. */
async function claimed() {
  const input = caseInput(caseworker);
  const { caseId, number } = await aCase(sendDepsAt(t0), caseworker, input);
  const { invitationId, token } = await inviteAndVerify(sendDepsAt(at(1)), caseworker, caseId, input.requestorEmail);
  const parent = await aFamilyUser(input.requestorEmail);
  expect(await claimInvitation(sendDepsAt(at(2)), parent, token)).toEqual({ status: "done" });
  return { caseId, number, input, invitationId, parent };
}

describe("answering the invitation", () => {
  it("Yes: pending access and an email that the request is with the team; nothing to see until a caseworker activates it", async () => {
    const { caseId, input, invitationId, parent } = await claimed();

    expect(await answerInvitations(sendDepsAt(at(3)), parent, { invitationIds: [invitationId], answer: "yes" })).toEqual({ status: "done", answered: 1 });
    expect(await invitationRow(invitationId)).toMatchObject({ status: "accepted", answeredAt: at(3) });
    const [access] = await accessRows(caseId, parent.userId);
    expect(access).toMatchObject({ status: "pending", invitationId, acceptedAt: at(3), activatedAt: null });
    const [newest] = await emailsTo(parent.email);
    expect(newest!.subject).toBe(SEND_SUBJECTS["invitation-accepted"]);
    expect(await listAwaitingApproval(db, parent)).toEqual([]);

    // Pending: the family sees the child listed as waiting, but not the case.
    expect(await caseForFamily(db, parent, caseId)).toBeNull();
    expect(await getDashboard(sendDepsAt(at(4)), parent, caseId)).toBeNull();
    expect(await listFamilyChildren(db, parent)).toEqual([{ caseId, childName: `${input.childForename} ${input.childSurname}`, status: "pending" }]);
    const list = await listCases(sendDepsAt(at(4)), caseworker, { stage: "all", search: input.childSurname });
    expect("rows" in list && list.rows.map((row) => row.awaitingActivation)).toEqual([1]);

    expect(await activateAccess(sendDepsAt(at(5)), caseworker, access!.id)).toEqual({ status: "done" });
    expect(await caseForFamily(db, parent, caseId)).toMatchObject({ id: caseId, childSurname: input.childSurname });
    const [activated] = await emailsTo(parent.email);
    expect(activated!.subject).toBe(SEND_SUBJECTS["access-activated"]);
    expect(activated!.text).toContain("http://localhost:3000/send");
    expect(await listFamilyChildren(db, parent)).toEqual([{ caseId, childName: `${input.childForename} ${input.childSurname}`, status: "active" }]);
    expect((await accessRows(caseId, parent.userId))[0]).toMatchObject({ status: "active", activatedAt: at(5) });

    // Activating twice is refused.
    expect((await activateAccess(sendDepsAt(at(6)), caseworker, access!.id)).status).toBe("invalid");
  });

  it("No: the invitation is declined, no access is made, and the caseworker is emailed", async () => {
    const { caseId, number, invitationId, parent } = await claimed();
    const before = (await emailsTo(parent.email)).length;

    expect(await answerInvitations(sendDepsAt(at(3)), parent, { invitationIds: [invitationId], answer: "no" })).toEqual({ status: "done", answered: 1 });
    expect(await invitationRow(invitationId)).toMatchObject({ status: "declined", answeredAt: at(3) });
    expect(await accessRows(caseId)).toEqual([]);
    expect(await caseForFamily(db, parent, caseId)).toBeNull();

    const toCaseworker = (await emailsTo(caseworker.email)).filter((email) => email.subject === SEND_SUBJECTS["invitation-declined"] && (email.text ?? "").includes(number));
    expect(toCaseworker).toHaveLength(1);
    expect(toCaseworker[0]!.text).toContain(`http://localhost:3000/staff/send/${caseId}`);
    // The parent is not told the request is with the team.
    expect((await emailsTo(parent.email)).length).toBe(before);
    expect((await viewed(sendDepsAt(at(4)), caseworker, caseId)).events.map((event) => event.kind)).toContain("invitation-declined");
  });

  it("does nothing with an invitation another account claimed, or one nobody claimed, or one already answered", async () => {
    const mine = await claimed();
    const someoneElse = await aFamilyUser();
    expect(await answerInvitations(sendDepsAt(at(3)), someoneElse, { invitationIds: [mine.invitationId], answer: "yes" })).toEqual({ status: "done", answered: 0 });
    expect(await answerInvitations(sendDepsAt(at(3)), someoneElse, { invitationIds: [mine.invitationId], answer: "no" })).toEqual({ status: "done", answered: 0 });
    expect(await invitationRow(mine.invitationId)).toMatchObject({ status: "verified", claimedBy: mine.parent.userId, answeredAt: null });
    expect(await accessRows(mine.caseId)).toEqual([]);
    expect(await emailsTo(someoneElse.email)).toEqual([]);
    expect((await emailsTo(caseworker.email)).filter((email) => (email.text ?? "").includes(mine.number))).toEqual([]);

    // Verified but not claimed: the requestor's own account cannot answer it without the link.
    const input = caseInput(caseworker);
    const { caseId } = await aCase(sendDepsAt(t0), caseworker, input);
    const unclaimed = await inviteAndVerify(sendDepsAt(at(1)), caseworker, caseId, input.requestorEmail);
    const requestor = await aFamilyUser(input.requestorEmail);
    expect(await answerInvitations(sendDepsAt(at(3)), requestor, { invitationIds: [unclaimed.invitationId], answer: "yes" })).toEqual({ status: "done", answered: 0 });
    expect(await accessRows(caseId)).toEqual([]);

    // The rightful account still can, once; a second answer changes nothing.
    expect(await answerInvitations(sendDepsAt(at(4)), mine.parent, { invitationIds: [mine.invitationId, "not-a-uuid"], answer: "yes" })).toEqual({ status: "done", answered: 1 });
    expect(await answerInvitations(sendDepsAt(at(5)), mine.parent, { invitationIds: [mine.invitationId], answer: "no" })).toEqual({ status: "done", answered: 0 });
    expect(await invitationRow(mine.invitationId)).toMatchObject({ status: "accepted" });
    expect(await accessRows(mine.caseId)).toHaveLength(1);
  });
});
