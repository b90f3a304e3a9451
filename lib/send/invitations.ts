/**
 * Inviting a family to the portal, as guide 004 describes it:
 *
 * 1. The caseworker invites: an identity code goes to the requestor's address with the SEND
 *    team's contact (status awaiting-verification).
 * 2. The parent quotes the code to the team; the caseworker enters it ("Verify identity"). A
 *    right code sends "Accept Portal Invitation" with a single-use link (status verified). Wrong
 *    codes are counted; five lock the invitation until the caseworker reissues it ("Resend").
 * 3. The parent opens the link signed in with the invited address's account: the link is used
 *    up and the invitation is theirs (claimed). Another account links nothing.
 * 4. On "Account Setup" they tick the child, answer Yes or No and Submit: Yes makes pending
 *    access for a caseworker to activate (access.ts); No tells the team the family declined.
 *
 * Codes and links expire (council settings), are single use and are stored as keyed hashes.
 */
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendAccess, sendCases, sendInvitations, users } from "@/db/schema";
import { normaliseEmail } from "@/lib/auth/deps";
import { EMAIL_FORMAT_MESSAGE, isEmailAddress } from "@/lib/mail/email-address";
import { isStaff } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { formatCaseNumber, link, type FamilyUser, type SendDeps, type StaffUser } from "./deps";
import { recordCaseEvent, recordSendAudit } from "./events";
import { todayOf } from "./deps";
import { caseOfMyTeams, lockCase, type Forbidden, type Invalid, type NotFound, type WrongState } from "./cases";
import { hashIdentityCode, hashLinkToken, identityCodeMatches, newIdentityCode, newLinkToken } from "./secrets";

export const MAX_WRONG_IDENTITY_CODES = 5;
const DAY_MS = 86_400_000;

type Done = { status: "done" };
type InvitationRow = typeof sendInvitations.$inferSelect;

const LIVE: InvitationRow["status"][] = ["awaiting-verification", "verified"];

async function lockInvitation(tx: DbOrTx, staff: StaffUser, invitationId: string): Promise<InvitationRow | null> {
  if (!isUuid(invitationId)) return null;
  const [row] = await tx
    .select()
    .from(sendInvitations)
    .where(and(eq(sendInvitations.id, invitationId), caseOfMyTeams(sendInvitations.caseId, staff)))
    .for("update");
  return row ?? null;
}

/** A fresh identity code on the invitation (old code dead), emailed to its address. */
async function sendIdentityCode(deps: SendDeps, tx: DbOrTx, invitation: { id: string; email: string }, teamContact: string): Promise<void> {
  const code = newIdentityCode();
  const days = deps.council.send.identityCodeDays;
  await tx
    .update(sendInvitations)
    .set({ codeHash: hashIdentityCode(deps.secret, invitation.id, code), codeExpiresAt: new Date(deps.now.getTime() + days * DAY_MS), wrongCodes: 0, status: "awaiting-verification", linkHash: null, linkExpiresAt: null })
    .where(eq(sendInvitations.id, invitation.id));
  await deps.mail(tx, { kind: "identity-code", to: invitation.email, code, teamContact, days });
}

/** A fresh single-use link on a verified invitation (old link dead), emailed to its address. */
async function sendAcceptLink(deps: SendDeps, tx: DbOrTx, invitation: { id: string; email: string }, teamContact: string): Promise<void> {
  const token = newLinkToken();
  const days = deps.council.send.invitationDays;
  await tx
    .update(sendInvitations)
    .set({ status: "verified", verifiedAt: deps.now, linkHash: hashLinkToken(deps.secret, token), linkExpiresAt: new Date(deps.now.getTime() + days * DAY_MS) })
    .where(eq(sendInvitations.id, invitation.id));
  await deps.mail(tx, { kind: "accept-invitation", to: invitation.email, link: link(deps, `/send/invitations/accept?token=${encodeURIComponent(token)}`), days, teamContact });
}

/**
 * Invites a family member: the requestor's address by default, or another address (a second
 * parent, say, who gets their own access). Refused while an invitation to the same address on
 * this case is in progress (or locked: Resend reissues that one).
 */
export async function invite(deps: SendDeps, staff: StaffUser, caseId: string, input: { email?: string } = {}): Promise<{ status: "done"; invitationId: string } | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  const typed = input.email?.trim() ?? "";
  if (typed && !isEmailAddress(typed)) {
    return { status: "invalid", errors: { email: EMAIL_FORMAT_MESSAGE } };
  }
  return deps.db.transaction(async (tx) => {
    const row = await lockCase(tx, staff, caseId);
    if (!row) return { status: "not-found" } as const;
    const email = typed || row.requestorEmail;
    const live = await tx
      .select({ id: sendInvitations.id })
      .from(sendInvitations)
      .where(and(eq(sendInvitations.caseId, row.id), inArray(sendInvitations.status, [...LIVE, "locked"]), sql`lower(${sendInvitations.email}) = ${normaliseEmail(email)}`));
    if (live.length > 0) return { status: "invalid", errors: { [typed ? "email" : "invite"]: "An invitation to this address is already in progress: resend or cancel it instead" } } as const;
    const id = crypto.randomUUID();
    await tx.insert(sendInvitations).values({
      id,
      caseId: row.id,
      email,
      status: "awaiting-verification",
      codeHash: "",
      codeExpiresAt: deps.now,
      createdAt: deps.now,
      createdBy: staff.userId,
    });
    await sendIdentityCode(deps, tx, { id, email }, row.teamContact);
    await recordCaseEvent(tx, { caseId: row.id, kind: "invited", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { invitationId: id } });
    await recordSendAudit(tx, "send-invited", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
    return { status: "done", invitationId: id } as const;
  });
}

/** A wrong code is `invalid` on the code field (with the tries left); a locked, expired or answered invitation is `wrong-state`. */
export type VerifyResult = Done | Invalid | WrongState<"locked" | "expired" | "not-awaiting"> | NotFound | Forbidden;

const wrongCode = (triesLeft: number): Invalid => ({ status: "invalid", errors: { code: `That code is not right. ${triesLeft === 1 ? "1 try" : `${triesLeft} tries`} left` } });

/**
 * The caseworker types the code the parent quoted. Right: the accept link goes to the verified
 * address. Wrong: counted, and the fifth wrong code locks the invitation (every try is audited).
 */
export async function verifyIdentity(deps: SendDeps, staff: StaffUser, input: { invitationId: string; code: string }): Promise<VerifyResult> {
  if (!isStaff(staff)) return { status: "forbidden" };
  return deps.db.transaction(async (tx) => {
    const invitation = await lockInvitation(tx, staff, input.invitationId);
    if (!invitation) return { status: "not-found" } as const;
    const [row] = await tx.select({ teamContact: sendCases.teamContact }).from(sendCases).where(eq(sendCases.id, invitation.caseId));
    if (invitation.status === "locked") return { status: "wrong-state", current: "locked" } as const;
    if (invitation.status !== "awaiting-verification") return { status: "wrong-state", current: "not-awaiting" } as const;
    if (invitation.codeExpiresAt.getTime() <= deps.now.getTime()) return { status: "wrong-state", current: "expired" } as const;
    if (identityCodeMatches(deps.secret, invitation.id, input.code, invitation.codeHash)) {
      // The code is used up: the row leaves awaiting-verification and its hash is wiped.
      await tx.update(sendInvitations).set({ codeHash: "" }).where(eq(sendInvitations.id, invitation.id));
      await sendAcceptLink(deps, tx, invitation, row!.teamContact);
      await recordCaseEvent(tx, { caseId: invitation.caseId, kind: "identity-verified", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { invitationId: invitation.id } });
      await recordSendAudit(tx, "send-identity-verified", { userId: staff.userId, caseId: invitation.caseId, ip: staff.ip }, deps.now);
      return { status: "done" } as const;
    }
    const wrongCodes = invitation.wrongCodes + 1;
    const locked = wrongCodes >= MAX_WRONG_IDENTITY_CODES;
    await tx
      .update(sendInvitations)
      .set({ wrongCodes, ...(locked ? { status: "locked" as const } : {}) })
      .where(eq(sendInvitations.id, invitation.id));
    await recordCaseEvent(tx, { caseId: invitation.caseId, kind: locked ? "invitation-locked" : "identity-code-refused", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { invitationId: invitation.id } });
    await recordSendAudit(tx, "send-identity-code-refused", { userId: staff.userId, caseId: invitation.caseId, ip: staff.ip }, deps.now);
    return locked ? ({ status: "wrong-state", current: "locked" } as const) : wrongCode(MAX_WRONG_IDENTITY_CODES - wrongCodes);
  });
}

/**
 * Resends what the family needs next: before verification (or once locked, which reissues it) a
 * new identity code; after verification a new link. Either way the old one stops working.
 */
export async function resendInvitation(deps: SendDeps, staff: StaffUser, invitationId: string): Promise<Done | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  return deps.db.transaction(async (tx) => {
    const invitation = await lockInvitation(tx, staff, invitationId);
    if (!invitation) return { status: "not-found" } as const;
    const [row] = await tx.select({ teamContact: sendCases.teamContact }).from(sendCases).where(eq(sendCases.id, invitation.caseId));
    if (invitation.status === "awaiting-verification" || invitation.status === "locked") await sendIdentityCode(deps, tx, invitation, row!.teamContact);
    else if (invitation.status === "verified" && !invitation.claimedBy) await sendAcceptLink(deps, tx, invitation, row!.teamContact);
    else return { status: "invalid", errors: { invitation: "This invitation can no longer be resent: invite the family again if they need access" } } as const;
    await recordCaseEvent(tx, { caseId: invitation.caseId, kind: "invitation-resent", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { invitationId } });
    await recordSendAudit(tx, "send-invitation-resent", { userId: staff.userId, caseId: invitation.caseId, ip: staff.ip }, deps.now);
    return { status: "done" } as const;
  });
}

export async function cancelInvitation(deps: SendDeps, staff: StaffUser, invitationId: string): Promise<Done | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  return deps.db.transaction(async (tx) => {
    const invitation = await lockInvitation(tx, staff, invitationId);
    if (!invitation) return { status: "not-found" } as const;
    if (!["awaiting-verification", "verified", "locked"].includes(invitation.status)) {
      return { status: "invalid", errors: { invitation: "This invitation has already been answered, so it cannot be cancelled" } } as const;
    }
    await tx.update(sendInvitations).set({ status: "cancelled", codeHash: "", linkHash: null }).where(eq(sendInvitations.id, invitation.id));
    await recordCaseEvent(tx, { caseId: invitation.caseId, kind: "invitation-cancelled", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { invitationId } });
    await recordSendAudit(tx, "send-invitation-cancelled", { userId: staff.userId, caseId: invitation.caseId, ip: staff.ip }, deps.now);
    return { status: "done" } as const;
  });
}

// --- The family's side -------------------------------------------------------------------

/** Claimed is `done`; a link used up, expired, or opened by an account with another address is `wrong-state`. */
export type ClaimResult = Done | WrongState<"wrong-account", { invitedEmail: string }> | WrongState<"expired" | "used"> | NotFound;

/** How an address is shown to someone who may not own it: "j***@example.org". */
function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}***@${domain}`;
}

/**
 * The parent opens the emailed link, signed in. The account's verified address must be the
 * invited one: otherwise nothing is linked and the link stays usable for the right account. A
 * right account uses the link up and claims the invitation (and any other live invitation sent to
 * the same verified address, so a parent of two children answers both on one page).
 */
export async function claimInvitation(deps: SendDeps, family: FamilyUser, token: string): Promise<ClaimResult> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(sendInvitations)
      .where(eq(sendInvitations.linkHash, hashLinkToken(deps.secret, token)))
      .for("update");
    if (!invitation) return { status: "not-found" } as const;
    if (invitation.claimedBy || invitation.status !== "verified") return { status: "wrong-state", current: "used" } as const;
    if (!invitation.linkExpiresAt || invitation.linkExpiresAt.getTime() <= deps.now.getTime()) return { status: "wrong-state", current: "expired" } as const;
    const [user] = await tx.select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, family.userId));
    if (!user || !user.verifiedAt || normaliseEmail(user.email) !== normaliseEmail(invitation.email)) {
      return { status: "wrong-state", current: "wrong-account", invitedEmail: maskEmail(invitation.email) } as const;
    }
    await tx
      .update(sendInvitations)
      // The hash stays, so opening the link again finds it and says it has been used.
      .set({ claimedBy: family.userId, claimedAt: deps.now })
      .where(
        and(
          eq(sendInvitations.status, "verified"),
          isNull(sendInvitations.claimedBy),
          gt(sendInvitations.linkExpiresAt, deps.now),
          sql`lower(${sendInvitations.email}) = ${normaliseEmail(invitation.email)}`,
        ),
      );
    return { status: "done" } as const;
  });
}

export type AwaitingApproval = { invitationId: string; childName: string };

/** "Invitations awaiting approval": claimed by this account and not yet answered. */
export async function listAwaitingApproval(db: DbOrTx, family: FamilyUser): Promise<AwaitingApproval[]> {
  const rows = await db
    .select({ id: sendInvitations.id, forename: sendCases.childForename, surname: sendCases.childSurname })
    .from(sendInvitations)
    .innerJoin(sendCases, eq(sendCases.id, sendInvitations.caseId))
    .where(and(eq(sendInvitations.claimedBy, family.userId), eq(sendInvitations.status, "verified")))
    .orderBy(asc(sendCases.childForename), asc(sendInvitations.id));
  return rows.map((row) => ({ invitationId: row.id, childName: `${row.forename} ${row.surname}` }));
}

/**
 * The parent's answer for the ticked children. Yes: the invitation is accepted and the account
 * gets pending access (a caseworker activates it); the parent is emailed that the request is with
 * the SEND team. No: the invitation is declined and the case's caseworker is told. Only
 * invitations this account claimed and has not answered are touched; anything else is ignored.
 */
export async function answerInvitations(
  deps: SendDeps,
  family: FamilyUser,
  input: { invitationIds: string[]; answer: "yes" | "no" },
): Promise<{ status: "done"; answered: number }> {
  const ids = input.invitationIds.filter(isUuid);
  if (ids.length === 0) return { status: "done", answered: 0 };
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ invitation: sendInvitations, caseRow: sendCases, caseworkerEmail: users.email })
      .from(sendInvitations)
      .innerJoin(sendCases, eq(sendCases.id, sendInvitations.caseId))
      .innerJoin(users, eq(users.id, sendCases.caseworkerId))
      .where(and(inArray(sendInvitations.id, ids), eq(sendInvitations.claimedBy, family.userId), eq(sendInvitations.status, "verified")))
      .for("update", { of: sendInvitations });
    const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, family.userId));
    for (const { invitation, caseRow, caseworkerEmail } of rows) {
      const accepted = input.answer === "yes";
      await tx.update(sendInvitations).set({ status: accepted ? "accepted" : "declined", answeredAt: deps.now }).where(eq(sendInvitations.id, invitation.id));
      if (accepted) {
        await tx
          .insert(sendAccess)
          .values({ caseId: caseRow.id, userId: family.userId, invitationId: invitation.id, status: "pending", acceptedAt: deps.now })
          .onConflictDoUpdate({
            target: [sendAccess.caseId, sendAccess.userId],
            set: { invitationId: invitation.id, status: "pending", acceptedAt: deps.now, activatedAt: null, revokedAt: null },
            // Someone whose access is already pending or active keeps it as it is.
            setWhere: eq(sendAccess.status, "revoked"),
          });
      } else {
        await deps.mail(tx, { kind: "invitation-declined", to: caseworkerEmail, caseNumber: formatCaseNumber(caseRow.number), link: link(deps, `/staff/send/${caseRow.id}`) });
      }
      await recordCaseEvent(tx, {
        caseId: caseRow.id,
        kind: accepted ? "invitation-accepted" : "invitation-declined",
        eventDate: todayOf(deps),
        at: deps.now,
        actorId: family.userId,
        detail: { invitationId: invitation.id, userId: family.userId },
      });
      await recordSendAudit(tx, "send-invitation-answered", { userId: family.userId, caseId: caseRow.id }, deps.now);
    }
    if (input.answer === "yes" && rows.length > 0 && person) {
      await deps.mail(tx, { kind: "invitation-accepted", to: person.email, teamContact: rows[0]!.caseRow.teamContact });
    }
    return { status: "done", answered: rows.length } as const;
  });
}
