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
import { todayIn } from "@/lib/dates/calendar";
import { addDays } from "@/lib/send/dates";
import type { SendDeps } from "@/lib/send/deps";
import type { SendEmail } from "@/lib/send/mail-port";
import { activateAccess } from "@/lib/send/access";
import { createCase, recordStage } from "@/lib/send/cases";
import { answerInvitations, claimInvitation, invite, verifyIdentity } from "@/lib/send/invitations";
import { assignForm } from "@/lib/send/assigned-forms";
import { sendFamilyMessage, sendTeamMessage } from "@/lib/send/messages";
import { publishDocument, type DocumentDeps } from "@/lib/send/documents";

type DocumentStorage = DocumentDeps["storage"];
import { hashIdentityCode } from "@/lib/send/secrets";

export const DEMO_IDENTITY_CODE = "DEMA-CE47";

type Login = { email: string };

/** A one-page PDF with a line of text: enough for a demo letter (made here, so the seed needs no browser). */
export function demoPdf(line: string): Buffer {
  const text = `Demo Borough Council. ${line}. Demo data, made up for trying the portal.`.replace(/[()\\]/g, "");
  const stream = `BT /F1 12 Tf 56 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Makes the demo SEND cases once; returns whether it did. */
export async function seedDemoSend(
  db: Db,
  input: { now: Date; secret: string; council: CouncilSettings; caseworker: Login; parent: Login; storage?: DocumentStorage },
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
    if (made.status !== "done") throw new Error(`the demo SEND case for ${child} was refused: ${JSON.stringify(made)}`);
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
  if (!token || (await claimInvitation(deps, { userId: parent.id }, token)).status !== "done") throw new Error("the demo invitation could not be claimed");
  await answerInvitations(deps, { userId: parent.id }, { invitationIds: [invited.invitationId], answer: "yes" });
  const [access] = await db.query.sendAccess.findMany({ where: (table, { and, eq: equal }) => and(equal(table.caseId, ella), equal(table.userId, parent.id)) });
  if (!access || (await activateAccess(deps, staff, access.id)).status !== "done") throw new Error("the demo access could not be activated");

  // One form for the family to complete (issue 9's Actions to Complete).
  if ((await assignForm(deps, staff, { caseId: ella, formId: "about-my-child" })).status !== "done") throw new Error("the demo form could not be assigned");

  // Two messages each way (issue 9), a day apart over the last week, the newest from the team unread.
  const dayBefore = (days: number): SendDeps => ({ ...deps, now: new Date(input.now.getTime() - days * 86_400_000) });
  const conversation = [
    { days: 7, from: "team", subject: "Welcome to the SEND Parent Portal", body: "Hello Pat, I am Ella's SEND caseworker. You can message me here about the assessment at any time." },
    { days: 6, from: "family", subject: "Re: Welcome to the SEND Parent Portal", body: "Thank you. Ella's school report is due next week; I will send it when I have it." },
    { days: 3, from: "family", subject: "Speech and language appointment", body: "Ella has a speech and language therapy appointment on Tuesday. Should I share the report with you?" },
    { days: 2, from: "team", subject: "Re: Speech and language appointment", body: "Yes please. The therapist's report will help the assessment. You can upload it when you complete the About my child form." },
  ] as const;
  for (const message of conversation) {
    const sent =
      message.from === "team"
        ? await sendTeamMessage(dayBefore(message.days), staff, { caseId: ella, type: "assessment", subject: message.subject, body: message.body })
        : await sendFamilyMessage(dayBefore(message.days), { userId: parent.id }, { caseId: ella, type: "assessment", subject: message.subject, body: message.body });
    if (sent.status !== "done") throw new Error("a demo message was refused");
  }

  // Two documents to view (issue 9), when the seed is given storage (the launcher gives it the portal's).
  if (input.storage) {
    const documentDeps = { ...deps, storage: input.storage };
    const documents = [
      { days: 20, description: "EHCP - Request for assessment received: letter to parent", fileName: "request-received-letter.pdf" },
      { days: 27, description: "EHCP - Decision to assess: letter to parent", fileName: "decision-to-assess-letter.pdf" },
    ];
    for (const document of documents) {
      const published = await publishDocument({ ...documentDeps, now: new Date(input.now.getTime() - (63 - document.days - 10) * 86_400_000) }, staff, {
        caseId: ella,
        documentDate: addDays(requestDate, document.days + 9),
        description: document.description,
        file: { name: document.fileName, stream: demoPdf(document.description) },
      });
      if (published.status !== "done") throw new Error(`a demo document was refused: ${JSON.stringify(published)}`);
    }
  }

  // Oscar: requested two weeks ago; the invitation waits for the family to quote the demo code.
  const oscar = await newCase("Oscar", "2018-11-02", addDays(today, -14), { name: "Jordan Carer", email: "jordan.carer@demo-family.example" });
  const waiting = await invite(deps, staff, oscar);
  if (waiting.status !== "done") throw new Error("the demo waiting invitation was refused");
  await db.update(sendInvitations).set({ codeHash: hashIdentityCode(input.secret, waiting.invitationId, DEMO_IDENTITY_CODE) }).where(eq(sendInvitations.id, waiting.invitationId));
  return true;
}
