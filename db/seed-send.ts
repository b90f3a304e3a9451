/**
 * SEND demo data (issue 8), so every SEND screen has something after `npm start`: the demo
 * parent's child at the assessment stage with activated access, and a second case whose
 * invitation waits for the identity check. Made once (skipped when the demo child's case exists)
 * through lib/send itself, so the rows are what the portal would write; the emails those steps
 * would send are dropped. The waiting invitation's identity code is a fixed demo code, printed
 * in the start-up banner, so a caseworker can try "Verify identity" with it.
 */
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { sendCases, sendInvitations, users } from "./schema";
import type { CouncilSettings } from "@/lib/config/council";
import { addDays, todayIn } from "@/lib/send/dates";
import type { SendDeps } from "@/lib/send/deps";
import type { SendEmail } from "@/lib/send/mail-port";
import { activateAccess } from "@/lib/send/access";
import { createCase, recordStage } from "@/lib/send/cases";
import { answerInvitations, claimInvitation, invite, verifyIdentity } from "@/lib/send/invitations";
import { hashIdentityCode } from "@/lib/send/secrets";

export const DEMO_IDENTITY_CODE = "DEMA-CE47";

type Login = { email: string };

/** Makes the demo SEND cases once; returns whether it did. */
export async function seedDemoSend(
  db: Db,
  input: { now: Date; secret: string; council: CouncilSettings; caseworker: Login; parent: Login },
): Promise<boolean> {
  const account = async (email: string) => (await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email)))[0];
  const caseworker = await account(input.caseworker.email);
  const parent = await account(input.parent.email);
  if (!caseworker || !parent || caseworker.role !== "caseworker") return false;
  const existing = await db.select({ id: sendCases.id }).from(sendCases).where(eq(sendCases.childName, "ella demo-child"));
  if (existing.length > 0) return false;

  const sent: SendEmail[] = [];
  const deps: SendDeps = {
    db,
    now: input.now,
    secret: input.secret,
    council: input.council,
    appUrl: "http://localhost",
    mail: async (_tx, email) => {
      sent.push(email);
    },
  };
  const staff = { userId: caseworker.id, role: caseworker.role };
  const today = todayIn(input.now);
  const newCase = async (child: string, dateOfBirth: string, requestDate: string, requestor: { name: string; email: string }) => {
    const made = await createCase(deps, staff, {
      childForename: child,
      childSurname: "Demo-Child",
      childDateOfBirth: dateOfBirth,
      requestDate,
      requestorName: requestor.name,
      requestorRelationship: "Parent",
      requestorEmail: requestor.email,
      caseworkerId: caseworker.id,
    });
    if (made.status !== "created") throw new Error(`the demo SEND case for ${child} was refused: ${JSON.stringify(made)}`);
    return made.caseId;
  };

  // Ella: requested nine weeks ago, decided to assess five weeks later; her parent has access.
  const requestDate = addDays(today, -63);
  const ella = await newCase("Ella", "2015-05-14", requestDate, { name: "Pat Parent", email: input.parent.email });
  const decided = await recordStage(deps, staff, { caseId: ella, kind: "assess-decision", outcome: "yes", date: addDays(requestDate, 36) });
  if (decided.status !== "done") throw new Error("the demo decision to assess was refused");
  const invited = await invite(deps, staff, ella);
  if (invited.status !== "done") throw new Error("the demo invitation was refused");
  const code = sent.findLast((email) => email.kind === "identity-code");
  if (code?.kind !== "identity-code" || (await verifyIdentity(deps, staff, { invitationId: invited.invitationId, code: code.code })).status !== "done") throw new Error("the demo identity check failed");
  const accept = sent.findLast((email) => email.kind === "accept-invitation");
  const token = accept?.kind === "accept-invitation" ? new URL(accept.link).searchParams.get("token") : null;
  if (!token || (await claimInvitation(deps, { userId: parent.id }, token)).status !== "claimed") throw new Error("the demo invitation could not be claimed");
  await answerInvitations(deps, { userId: parent.id }, { invitationIds: [invited.invitationId], answer: "yes" });
  const [access] = await db.query.sendAccess.findMany({ where: (table, { and, eq: equal }) => and(equal(table.caseId, ella), equal(table.userId, parent.id)) });
  if (!access || (await activateAccess(deps, staff, access.id)).status !== "done") throw new Error("the demo access could not be activated");

  // Oscar: requested two weeks ago; the invitation waits for the family to quote the demo code.
  const oscar = await newCase("Oscar", "2018-11-02", addDays(today, -14), { name: "Jordan Carer", email: "jordan.carer@demo-family.example" });
  const waiting = await invite(deps, staff, oscar);
  if (waiting.status !== "done") throw new Error("the demo waiting invitation was refused");
  await db.update(sendInvitations).set({ codeHash: hashIdentityCode(input.secret, waiting.invitationId, DEMO_IDENTITY_CODE) }).where(eq(sendInvitations.id, waiting.invitationId));
  return true;
}
