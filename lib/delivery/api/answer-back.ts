import "server-only";
/**
 * The case system answers back (issue 17 point 4): a response, a request for more information, or
 * closure of a reference, through the same functions a caseworker's actions call
 * (lib/referrals/referral.ts), with the key as the actor (its teams scope the lock) and the same
 * deps, whose mail port queues the referrer's email in the change's transaction. So the referrer sees
 * it in Submitted Forms exactly as a caseworker's, with the same emails, and the same status rules
 * and messages apply.
 */
import { and, eq, inArray } from "drizzle-orm";
import { submissions } from "@/db/schema";
import { close, requestInformation, respond, type ActionResult, type CaseSystemActor, type InformationReason, type ReferralDeps } from "@/lib/referrals";
import type { ApiKeyActor } from "./authenticate";

export type AnswerBack = { action: "respond"; response: string } | { action: "request-information"; reason: InformationReason; comments: string } | { action: "close" };


const actorOf = (key: ApiKeyActor): CaseSystemActor => ({ kind: "case-system", apiKeyId: key.id, teams: key.teams, ip: key.ip });

export async function answerBack(deps: ReferralDeps, key: ApiKeyActor, reference: string, answer: AnswerBack): Promise<ActionResult> {
  if (reference.length === 0 || reference.length > 64) return { status: "not-found" };
  // The reference to the row's id, in the key's teams; the action locks and checks it again.
  const [row] = await deps.db.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.reference, reference), inArray(submissions.team, key.teams)));
  if (!row) return { status: "not-found" };
  const actor = actorOf(key);
  switch (answer.action) {
    case "respond":
      return respond(deps, actor, { id: row.id, response: answer.response });
    case "request-information":
      return requestInformation(deps, actor, { id: row.id, reason: answer.reason, comments: answer.comments });
    case "close":
      // As in /staff: closing sends the referrer no email.
      return close(deps, actor, { id: row.id });
  }
}
