/**
 * The identity code (issue 8): emailed to the requestor, quoted by the parent to the SEND team,
 * typed in by a caseworker. Stored only as a keyed hash, single use, expiring, and locked after
 * five wrong tries until the caseworker reissues it.
 */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendInvitations } from "@/db/schema";
import { SEND_SUBJECTS } from "@/emails/send-mailer";
import { invite, MAX_WRONG_IDENTITY_CODES, resendInvitation, verifyIdentity } from "@/lib/send";
import { council, db, emailsTo, ensureCouncil } from "@/tests/support/auth-fixture";
import { aCase, aStaffUser, caseInput, DAY_MS, invitationRow, latestIdentityCodeTo, later, sendDepsAt, viewed, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

let caseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker");
});

/** A case (made a minute before t0) and its invitation, made at t0. */
async function invited(overrides: Parameters<typeof caseInput>[1] = {}) {
  const input = caseInput(caseworker, overrides);
  const { caseId } = await aCase(sendDepsAt(at(-1)), caseworker, input);
  const result = await invite(sendDepsAt(t0), caseworker, caseId);
  if (result.status !== "done") throw new Error(`expected an invitation, got ${JSON.stringify(result)}`);
  return { caseId, email: input.requestorEmail, invitationId: result.invitationId };
}

/** Another code of the same shape that is certainly not this one. */
/** A wrong code: refused on the code field, saying how many tries are left. */
const wrongCode = (triesLeft: number) => ({ status: "invalid", errors: { code: `That code is not right. ${triesLeft === 1 ? "1 try" : `${triesLeft} tries`} left` } });
const wrongCodeFor = (code: string) => `${ALPHABET[(ALPHABET.indexOf(code[0]!) + 1) % ALPHABET.length]}${code.slice(1)}`;

describe("inviting the family", () => {
  it("emails a code to the requestor's address and stores only a keyed hash of it", async () => {
    const { caseId, email, invitationId } = await invited();
    const emails = await emailsTo(email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe(SEND_SUBJECTS["identity-code"]);
    expect(emails[0]!.text).toContain(council.send.teamContact);
    const code = await latestIdentityCodeTo(email);
    expect(code).toMatch(new RegExp(`^[${ALPHABET}]{4}-[${ALPHABET}]{4}$`));

    const row = await invitationRow(invitationId);
    expect(row).toMatchObject({ caseId, email, status: "awaiting-verification", wrongCodes: 0 });
    expect(row.codeHash.length).toBeGreaterThanOrEqual(40);
    for (const form of [code, code.replace("-", ""), code.toLowerCase(), code.replace("-", "").toLowerCase()]) expect(row.codeHash).not.toContain(form);
    expect(row.codeExpiresAt).toEqual(later(t0, council.send.identityCodeDays * DAY_MS));

    // Only one invitation in progress per case.
    const second = await invite(sendDepsAt(at(1)), caseworker, caseId);
    expect(second.status).toBe("invalid");
  });

  it("accepts the code typed in lower case with spaces, sends 'Accept Portal Invitation' to the same address, and is single use", async () => {
    const { caseId, email, invitationId } = await invited();
    const code = await latestIdentityCodeTo(email);
    const typed = `  ${code.slice(0, 4).toLowerCase()} ${code.slice(5).toLowerCase()} `;

    expect(await verifyIdentity(sendDepsAt(at(5)), caseworker, { invitationId, code: typed })).toEqual({ status: "done" });
    const [newest] = await emailsTo(email);
    expect(newest!.subject).toBe(SEND_SUBJECTS["accept-invitation"]);
    expect(newest!.text).toContain("http://localhost:3000/send/invitations/accept?token=");
    const row = await invitationRow(invitationId);
    expect(row).toMatchObject({ status: "verified", verifiedAt: at(5) });
    expect(row.codeHash).not.toContain(code.replace("-", ""));

    // The same code again: it is used up.
    expect(await verifyIdentity(sendDepsAt(at(6)), caseworker, { invitationId, code })).toEqual({ status: "wrong-state", current: "not-awaiting" });
    expect((await emailsTo(email)).filter((item) => item.subject === SEND_SUBJECTS["accept-invitation"])).toHaveLength(1);
    expect((await viewed(sendDepsAt(at(7)), caseworker, caseId)).events.map((event) => event.kind)).toEqual(["case-created", "invited", "identity-verified"]);
  });

  it("refuses an expired code (after the council's identity-code days) and accepts it just before", async () => {
    const days = council.send.identityCodeDays;
    const expired = await invited();
    const expiredCode = await latestIdentityCodeTo(expired.email);
    expect(await verifyIdentity(sendDepsAt(later(t0, days * DAY_MS)), caseworker, { invitationId: expired.invitationId, code: expiredCode })).toEqual({ status: "wrong-state", current: "expired" });
    expect(await verifyIdentity(sendDepsAt(later(t0, days * DAY_MS + 60_000)), caseworker, { invitationId: expired.invitationId, code: expiredCode })).toEqual({ status: "wrong-state", current: "expired" });
    expect((await invitationRow(expired.invitationId)).status).toBe("awaiting-verification");
    expect((await emailsTo(expired.email)).map((item) => item.subject)).toEqual([SEND_SUBJECTS["identity-code"]]);

    const inTime = await invited();
    const code = await latestIdentityCodeTo(inTime.email);
    expect(await verifyIdentity(sendDepsAt(later(t0, days * DAY_MS - 60_000)), caseworker, { invitationId: inTime.invitationId, code })).toEqual({ status: "done" });
  });

  it("does not accept one invitation's code for another invitation", async () => {
    const first = await invited();
    const second = await invited();
    const firstCode = await latestIdentityCodeTo(first.email);
    expect(await verifyIdentity(sendDepsAt(at(1)), caseworker, { invitationId: second.invitationId, code: firstCode })).toEqual(wrongCode(MAX_WRONG_IDENTITY_CODES - 1));
    expect(await verifyIdentity(sendDepsAt(at(2)), caseworker, { invitationId: first.invitationId, code: firstCode })).toEqual({ status: "done" });
  });

  it("locks the invitation after five wrong codes, so even the right code is then refused", async () => {
    const { email, invitationId } = await invited();
    const code = await latestIdentityCodeTo(email);
    const wrong = wrongCodeFor(code);
    expect(wrong).not.toBe(code);

    for (let attempt = 1; attempt < MAX_WRONG_IDENTITY_CODES; attempt += 1) {
      expect(await verifyIdentity(sendDepsAt(at(attempt)), caseworker, { invitationId, code: wrong })).toEqual(wrongCode(MAX_WRONG_IDENTITY_CODES - attempt));
    }
    expect(MAX_WRONG_IDENTITY_CODES).toBe(5);
    expect(await verifyIdentity(sendDepsAt(at(5)), caseworker, { invitationId, code: wrong })).toEqual({ status: "wrong-state", current: "locked" });
    expect(await verifyIdentity(sendDepsAt(at(6)), caseworker, { invitationId, code })).toEqual({ status: "wrong-state", current: "locked" });
    expect(await invitationRow(invitationId)).toMatchObject({ status: "locked", wrongCodes: 5 });
    // No link went out.
    expect((await emailsTo(email)).map((item) => item.subject)).toEqual([SEND_SUBJECTS["identity-code"]]);
  });

  it("reissues a fresh code when a locked invitation is resent: the new code works and the old one does not", async () => {
    const { email, invitationId } = await invited();
    const oldCode = await latestIdentityCodeTo(email);
    const wrong = wrongCodeFor(oldCode);
    for (let attempt = 1; attempt <= MAX_WRONG_IDENTITY_CODES; attempt += 1) await verifyIdentity(sendDepsAt(at(attempt)), caseworker, { invitationId, code: wrong });
    expect((await invitationRow(invitationId)).status).toBe("locked");

    expect(await resendInvitation(sendDepsAt(at(10)), caseworker, invitationId)).toEqual({ status: "done" });
    const emails = await emailsTo(email);
    expect(emails.map((item) => item.subject)).toEqual([SEND_SUBJECTS["identity-code"], SEND_SUBJECTS["identity-code"]]);
    const newCode = await latestIdentityCodeTo(email);
    expect(newCode).not.toBe(oldCode);
    expect(await invitationRow(invitationId)).toMatchObject({ status: "awaiting-verification", wrongCodes: 0, codeExpiresAt: later(at(10), council.send.identityCodeDays * DAY_MS) });

    expect(await verifyIdentity(sendDepsAt(at(11)), caseworker, { invitationId, code: oldCode })).toEqual(wrongCode(MAX_WRONG_IDENTITY_CODES - 1));
    expect(await verifyIdentity(sendDepsAt(at(12)), caseworker, { invitationId, code: newCode })).toEqual({ status: "done" });
    expect((await emailsTo(email))[0]!.subject).toBe(SEND_SUBJECTS["accept-invitation"]);
  });

  it("never has two invitations in progress on one case, even when a locked one is reissued", async () => {
    const { caseId, email, invitationId } = await invited();
    const wrong = wrongCodeFor(await latestIdentityCodeTo(email));
    for (let attempt = 1; attempt <= MAX_WRONG_IDENTITY_CODES; attempt += 1) await verifyIdentity(sendDepsAt(at(attempt)), caseworker, { invitationId, code: wrong });
    expect((await invitationRow(invitationId)).status).toBe("locked");

    // A locked invitation is still the case's invitation: the caseworker is told to resend or
    // cancel it. Whichever of these two is refused, the case must not end with two live codes.
    await invite(sendDepsAt(at(10)), caseworker, caseId);
    await resendInvitation(sendDepsAt(at(11)), caseworker, invitationId);
    const live = await db
      .select({ id: sendInvitations.id })
      .from(sendInvitations)
      .where(and(eq(sendInvitations.caseId, caseId), inArray(sendInvitations.status, ["awaiting-verification", "verified"])));
    expect(live).toHaveLength(1);
  });

  it("answers not-found for an unknown invitation", async () => {
    expect(await verifyIdentity(sendDepsAt(t0), caseworker, { invitationId: "not-a-uuid", code: "ACDE-FG34" })).toEqual({ status: "not-found" });
    expect(await verifyIdentity(sendDepsAt(t0), caseworker, { invitationId: crypto.randomUUID(), code: "ACDE-FG34" })).toEqual({ status: "not-found" });
  });
});
