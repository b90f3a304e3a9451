/**
 * SEND functions wired to the real embedded database and the real outbox, with a clock the test
 * sets. Identity codes and accept links are read back from the emails in the outbox, as a parent
 * reads their mail. Every helper makes unique addresses and surnames, so test files never meet.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { auditEvents, councils, sendAccess, sendInvitations, users } from "@/db/schema";
import { createSendMailer } from "@/emails/send-mailer";
import { executorFor } from "@/lib/jobs/sql-executor";
import type { AccountRole } from "@/lib/auth/roles";
import { activateAccess, answerInvitations, claimInvitation, createCase, invite, verifyIdentity, viewCase, type CaseView, type FamilyUser, type NewCaseInput, type SendDeps, type StaffUser } from "@/lib/send";
import { council, db, emailsTo, uniqueEmail } from "@/tests/support/auth-fixture";
import { joinTeams } from "@/tests/support/staff-teams";
import { formById } from "@/lib/forms/catalogue";
import type { SubmissionMailer } from "@/lib/submissions/deps";
import { submitDraft, type SubmitResult } from "@/lib/submissions/submit-draft";

const sender = new PgBoss({ db: executorFor(db), supervise: false, schedule: false, migrate: false });
const mail = createSendMailer(sender, council.name);

export const APP_URL = "http://localhost:3000";

export function sendDepsAt(now: Date): SendDeps {
  return { db, now, secret: process.env.AUTH_SECRET!, council, mail, appUrl: APP_URL };
}

export const DAY_MS = 86_400_000;
export const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** A surname no other test uses, so a search by it finds only this test's cases. */
export const uniqueSurname = (label = "Child") => `${label}${randomUUID().replace(/-/g, "").slice(0, 10)}`;

async function councilId(): Promise<string> {
  const [row] = await db.select({ id: councils.id }).from(councils).limit(1);
  if (!row) throw new Error("no council: call ensureCouncil() first");
  return row.id;
}

export type TestStaff = StaffUser & { email: string; name: string };
export type TestFamily = FamilyUser & { email: string };

/** A SEND caseworker (or admin, or a non-staff role for the "forbidden" checks). */
export async function aStaffUser(role: AccountRole = "caseworker", forename = "Casey", surname = uniqueSurname("Worker")): Promise<TestStaff> {
  const email = uniqueEmail(role);
  const [user] = await db
    .insert(users)
    .values({ councilId: await councilId(), email, role, passwordHash: "not-used", forename, surname, emailVerifiedAt: new Date("2020-01-01T00:00:00Z") })
    .returning({ id: users.id });
  // A SEND caseworker; an "admin" here is a council admin who also manages the SEND team.
  if (role === "caseworker") await joinTeams(user!.id, ["send"]);
  if (role === "admin") await joinTeams(user!.id, ["send"], "team-manager", { isAdmin: true });
  return { userId: user!.id, role, ip: "203.0.113.20", email, name: `${forename} ${surname}` };
}

/** A parent's account with a verified address (the invited one, or a fresh one). */
export async function aFamilyUser(email = uniqueEmail("parent"), forename = "Pat", surname = "Parent"): Promise<TestFamily> {
  const [user] = await db
    .insert(users)
    .values({ councilId: await councilId(), email, role: "parent", passwordHash: "not-used", forename, surname, emailVerifiedAt: new Date("2020-01-01T00:00:00Z") })
    .returning({ id: users.id });
  return { userId: user!.id, email };
}

/** A valid new case: request received 2023-01-30 unless overridden. */
export function caseInput(caseworker: { userId: string }, overrides: Partial<NewCaseInput> = {}): NewCaseInput {
  return {
    childForename: "Zephyrine",
    childSurname: uniqueSurname("Quillfeather"),
    childDateOfBirth: "2015-03-27",
    requestDate: "2023-01-30",
    requestorName: "Robin Requestor",
    requestorRelationship: "Mother",
    requestorEmail: uniqueEmail("requestor"),
    caseworkerId: caseworker.userId,
    ...overrides,
  };
}

export async function aCase(deps: SendDeps, staff: StaffUser, input: NewCaseInput): Promise<{ caseId: string; number: string }> {
  const result = await createCase(deps, staff, input);
  if (result.status !== "done") throw new Error(`expected a case, got ${JSON.stringify(result)}`);
  return { caseId: result.caseId, number: result.number };
}

const CODE = /\b([ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4})\b/;
const TOKEN = /\/send\/invitations\/accept\?token=([A-Za-z0-9_.~%-]+)/;

/** The identity code (XXXX-XXXX) in the newest email to this address. */
export async function latestIdentityCodeTo(address: string): Promise<string> {
  const [newest] = await emailsTo(address);
  const code = newest?.text?.match(CODE)?.[1];
  if (!code) throw new Error(`no identity code in the newest email to ${address}`);
  return code;
}

/** The accept link's token in the newest email to this address. */
export async function latestAcceptTokenTo(address: string): Promise<string> {
  const [newest] = await emailsTo(address);
  const token = newest?.text?.match(TOKEN)?.[1];
  if (!token) throw new Error(`no accept link in the newest email to ${address}`);
  return decodeURIComponent(token);
}

export async function invitationRow(invitationId: string) {
  const [row] = await db.select().from(sendInvitations).where(eq(sendInvitations.id, invitationId));
  if (!row) throw new Error(`no invitation ${invitationId}`);
  return row;
}

export async function accessRows(caseId: string, userId?: string) {
  return db
    .select()
    .from(sendAccess)
    .where(userId ? and(eq(sendAccess.caseId, caseId), eq(sendAccess.userId, userId)) : eq(sendAccess.caseId, caseId));
}

export async function auditEventsFor(caseId: string): Promise<{ event: string; userId: string | null }[]> {
  return db.select({ event: auditEvents.event, userId: auditEvents.userId }).from(auditEvents).where(eq(auditEvents.subjectId, caseId));
}

/** Invites the family on a case and verifies the code they quote: the accept link is then in their mail. */
export async function inviteAndVerify(deps: SendDeps, staff: StaffUser, caseId: string, requestorEmail: string): Promise<{ invitationId: string; token: string }> {
  const invited = await invite(deps, staff, caseId);
  if (invited.status !== "done") throw new Error(`expected an invitation, got ${JSON.stringify(invited)}`);
  const verified = await verifyIdentity(deps, staff, { invitationId: invited.invitationId, code: await latestIdentityCodeTo(requestorEmail) });
  if (verified.status !== "done") throw new Error(`expected the code to verify, got ${JSON.stringify(verified)}`);
  return { invitationId: invited.invitationId, token: await latestAcceptTokenTo(requestorEmail) };
}

/**
 * The whole journey for one case: invite, verify, the parent (an account at the requestor's
 * address, made here unless given) claims and answers Yes, and the caseworker activates it.
 */
export async function giveActiveAccess(deps: SendDeps, staff: StaffUser, caseId: string, requestorEmail: string, parent?: TestFamily): Promise<{ parent: TestFamily; accessId: string }> {
  const { invitationId, token } = await inviteAndVerify(deps, staff, caseId, requestorEmail);
  const family = parent ?? (await aFamilyUser(requestorEmail));
  const claimed = await claimInvitation(deps, family, token);
  if (claimed.status !== "done") throw new Error(`expected a claim, got ${JSON.stringify(claimed)}`);
  const answered = await answerInvitations(deps, family, { invitationIds: [invitationId], answer: "yes" });
  if (answered.answered !== 1) throw new Error("expected the invitation to be answered");
  const [access] = await accessRows(caseId, family.userId);
  if (!access) throw new Error("no access row after answering yes");
  const activated = await activateAccess(deps, staff, access.id);
  if (activated.status !== "done") throw new Error(`expected activation, got ${JSON.stringify(activated)}`);
  return { parent: family, accessId: access.id };
}

/** A case created at `start` with one parent (at the requestor's address) whose access is active a minute later. */
export async function anActiveCase(caseworker: StaffUser & { userId: string }, start: Date, overrides: Partial<NewCaseInput> = {}) {
  const input = caseInput(caseworker, overrides);
  const { caseId } = await aCase(sendDepsAt(start), caseworker, input);
  const { parent, accessId } = await giveActiveAccess(sendDepsAt(later(start, 60_000)), caseworker, caseId, input.requestorEmail);
  return { caseId, input, parent, accessId };
}

/** The caseworker's view of a case (writes a "viewed" audit row, as the page does). */
export async function viewed(deps: SendDeps, staff: StaffUser, caseId: string): Promise<CaseView> {
  const result = await viewCase(deps, staff, caseId);
  if (result.status !== "found") throw new Error(`expected the case, got ${JSON.stringify(result)}`);
  return result.case;
}

/** Another family member (a second parent, say) given active access to the case directly, as if they had accepted an invitation at `at`. */
export async function anotherActiveParent(caseworker: StaffUser, caseId: string, at: Date, forename = "Sam", surname = "Second"): Promise<TestFamily & { accessId: string }> {
  const member = await aFamilyUser(undefined, forename, surname);
  const [row] = await db.insert(sendAccess).values({ caseId, userId: member.userId, status: "pending", acceptedAt: at }).returning({ id: sendAccess.id });
  const activated = await activateAccess(sendDepsAt(at), caseworker, row!.id);
  if (activated.status !== "done") throw new Error(`expected activation, got ${JSON.stringify(activated)}`);
  return { ...member, accessId: row!.id };
}

/** The id of a message that was sent; anything else fails the test with what came back. */
export async function sent(result: { status: "done"; messageId: string } | { status: string }): Promise<string> {
  if (result.status !== "done" || !("messageId" in result)) throw new Error(`expected the message to be sent, got ${JSON.stringify(result)}`);
  return result.messageId;
}

/** Sends a family's draft of an assigned form as the portal's send does: the submission completes the assignment in its transaction. */
export async function sendAssignedDraft(family: { userId: string }, draftId: string, now: Date): Promise<SubmitResult> {
  const deps = sendDepsAt(now);
  // As the portal's send does, but with no confirmation email to the family (these tests read the SEND team's).
  const mail: SubmissionMailer = async (tx, email) => {
    if (email.kind === "action-submitted") await deps.mail(tx, email);
  };
  return submitDraft({ db, now, mail, appUrl: deps.appUrl }, family, { draftId, definitionFor: formById });
}
