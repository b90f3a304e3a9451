import "server-only";
/**
 * The case system answers back (issue 17 point 4): a response, a request for more information, or
 * closure of a reference, through the same functions a caseworker's actions call
 * (lib/referrals/referral.ts), with the key as the actor (its teams scope the lock) and the same
 * `onChanged` hook that emails the referrer (lib/referrals/referrer-emails.ts). So the referrer sees
 * it in Submitted Forms exactly as a caseworker's, with the same emails, and the same status rules
 * and messages apply.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { submissions } from "@/db/schema";
import { close, requestInformation, respond, type ActionResult, type CaseSystemActor, type InformationReason } from "@/lib/referrals";
import { emailReferrer } from "@/lib/referrals/referrer-emails";
import type { ApiKeyActor } from "./authenticate";

export type AnswerBack = { action: "respond"; response: string } | { action: "request-information"; reason: InformationReason; comments: string } | { action: "close" };


const actorOf = (key: ApiKeyActor): CaseSystemActor => ({ kind: "case-system", apiKeyId: key.id, teams: key.teams, ip: key.ip });

export async function answerBack(db: Db, key: ApiKeyActor, reference: string, answer: AnswerBack, now: Date): Promise<ActionResult> {
  if (reference.length === 0 || reference.length > 64) return { status: "not-found" };
  // The reference to the row's id, in the key's teams; the action locks and checks it again.
  const [row] = await db.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.reference, reference), inArray(submissions.team, key.teams)));
  if (!row) return { status: "not-found" };
  const actor = actorOf(key);
  switch (answer.action) {
    case "respond":
      return respond(db, actor, { id: row.id, response: answer.response, now, onChanged: emailReferrer });
    case "request-information":
      return requestInformation(db, actor, { id: row.id, reason: answer.reason, comments: answer.comments, now, onChanged: emailReferrer });
    case "close":
      // As in /staff: closing sends the referrer no email.
      return close(db, actor, { id: row.id, now });
  }
}
