/**
 * The "Accept Portal Invitation" link (issue 8): stored only hashed, single use, expiring, and
 * usable only by the account with the invited address: another account links nothing and
 * leaves the link working for the right one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SEND_SUBJECTS } from "@/emails/send-mailer";
import { claimInvitation, listAwaitingApproval, resendInvitation } from "@/lib/send";
import { council, db, emailsTo, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import {
  aCase,
  accessRows,
  aFamilyUser,
  aStaffUser,
  caseInput,
  DAY_MS,
  invitationRow,
  inviteAndVerify,
  latestAcceptTokenTo,
  later,
  sendDepsAt,
  type TestStaff,
} from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let caseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker");
});

/** A case whose invitation is verified at t0: the accept link is in the requestor's mail. */
async function verified(overrides: Parameters<typeof caseInput>[1] = {}) {
  const input = caseInput(caseworker, overrides);
  const { caseId } = await aCase(sendDepsAt(t0), caseworker, input);
  const { invitationId, token } = await inviteAndVerify(sendDepsAt(t0), caseworker, caseId, input.requestorEmail);
  return { caseId, input, email: input.requestorEmail, invitationId, token };
}

describe("the accept link", () => {
  it("is stored only as a keyed hash", async () => {
    const { invitationId, token } = await verified();
    expect(token.length).toBeGreaterThanOrEqual(40);
    const row = await invitationRow(invitationId);
    expect(row.linkHash).toBeTruthy();
    expect(row.linkHash).not.toBe(token);
    expect(row.linkHash).not.toContain(token);
    expect(row.linkExpiresAt).toEqual(later(t0, council.send.invitationDays * DAY_MS));
  });

  it("links nothing to an account with another address, and still works for the invited account", async () => {
    const { caseId, input, email, invitationId, token } = await verified();
    const stranger = await aFamilyUser();

    const refused = await claimInvitation(sendDepsAt(at(1)), stranger, token);
    expect(refused).toMatchObject({ status: "wrong-state", current: "wrong-account" });
    if (refused.status === "wrong-state" && refused.current === "wrong-account") {
      expect(refused.invitedEmail).toBe(`${email[0]}***@example.org`);
      expect(refused.invitedEmail).not.toContain(email.split("@")[0]!.slice(1));
    }
    expect(await listAwaitingApproval(db, stranger)).toEqual([]);
    expect(await accessRows(caseId)).toEqual([]);
    expect(await invitationRow(invitationId)).toMatchObject({ status: "verified", claimedBy: null });

    const parent = await aFamilyUser(email);
    expect(await claimInvitation(sendDepsAt(at(2)), parent, token)).toEqual({ status: "done" });
    expect(await invitationRow(invitationId)).toMatchObject({ claimedBy: parent.userId, claimedAt: at(2) });
    expect(await listAwaitingApproval(db, parent)).toEqual([{ invitationId, childName: `${input.childForename} ${input.childSurname}` }]);
    expect(await listAwaitingApproval(db, stranger)).toEqual([]);
    // Claiming is not accepting: no access until the parent answers.
    expect(await accessRows(caseId)).toEqual([]);
  });

  it("matches the invited address without regard to capitals", async () => {
    const address = uniqueEmail("mixed.case");
    const { token } = await verified({ requestorEmail: address.toUpperCase() });
    const parent = await aFamilyUser(address);
    expect(await claimInvitation(sendDepsAt(at(1)), parent, token)).toEqual({ status: "done" });
  });

  it("is single use: the same link opened again says it has been used", async () => {
    const { email, token } = await verified();
    const parent = await aFamilyUser(email);
    expect(await claimInvitation(sendDepsAt(at(1)), parent, token)).toEqual({ status: "done" });
    // The accept page has a message for exactly this ("The link has already been used").
    expect(await claimInvitation(sendDepsAt(at(2)), parent, token)).toEqual({ status: "wrong-state", current: "used" });
    expect(await claimInvitation(sendDepsAt(at(3)), await aFamilyUser(), token)).toEqual({ status: "wrong-state", current: "used" });
  });

  it("expires after the council's invitation days", async () => {
    const days = council.send.invitationDays;
    const { email, invitationId, token } = await verified();
    const parent = await aFamilyUser(email);
    expect(await claimInvitation(sendDepsAt(later(t0, days * DAY_MS)), parent, token)).toEqual({ status: "wrong-state", current: "expired" });
    expect(await claimInvitation(sendDepsAt(later(t0, days * DAY_MS + DAY_MS)), parent, token)).toEqual({ status: "wrong-state", current: "expired" });
    expect(await invitationRow(invitationId)).toMatchObject({ claimedBy: null });
    expect(await listAwaitingApproval(db, parent)).toEqual([]);

    const inTime = await verified();
    expect(await claimInvitation(sendDepsAt(later(t0, days * DAY_MS - 60_000)), await aFamilyUser(inTime.email), inTime.token)).toEqual({ status: "done" });
  });

  it("is replaced when the invitation is resent after verification: the new link works and the old one does not", async () => {
    const { email, invitationId, token: oldToken } = await verified();
    expect(await resendInvitation(sendDepsAt(at(10)), caseworker, invitationId)).toEqual({ status: "done" });
    const subjects = (await emailsTo(email)).map((item) => item.subject);
    expect(subjects).toEqual([SEND_SUBJECTS["accept-invitation"], SEND_SUBJECTS["accept-invitation"], SEND_SUBJECTS["identity-code"]]);
    const newToken = await latestAcceptTokenTo(email);
    expect(newToken).not.toBe(oldToken);
    expect(await invitationRow(invitationId)).toMatchObject({ status: "verified", linkExpiresAt: later(at(10), council.send.invitationDays * DAY_MS) });

    const parent = await aFamilyUser(email);
    const old = await claimInvitation(sendDepsAt(at(11)), parent, oldToken);
    expect(old.status).not.toBe("done");
    expect(await invitationRow(invitationId)).toMatchObject({ claimedBy: null });
    expect(await claimInvitation(sendDepsAt(at(12)), parent, newToken)).toEqual({ status: "done" });

    // Once claimed, the link cannot be resent.
    expect((await resendInvitation(sendDepsAt(at(13)), caseworker, invitationId)).status).toBe("invalid");
  });

  it("answers not-found for a token that was never issued", async () => {
    const parent = await aFamilyUser();
    expect(await claimInvitation(sendDepsAt(t0), parent, "x".repeat(43))).toEqual({ status: "not-found" });
    expect(await claimInvitation(sendDepsAt(t0), parent, "short")).toEqual({ status: "not-found" });
  });
});
