import "server-only";
/**
 * The three answer-back routes (response, request-information, close) share one shape: parse the
 * body with its zod schema (lib/delivery/api/api-inputs.ts), act as the key (answer-back.ts), and
 * say what happened: 200 with the referral's new status; 404 for another team's or an unknown
 * reference; 409 when its status does not allow the action (as a caseworker's page would refuse
 * it), with the status it is in; 422 with field errors for bad input, in the staff area's words.
 */
import type { z } from "zod";
import { referralDeps } from "@/app/_referrals/referral-deps";
import { answerBack, type AnswerBack } from "@/lib/delivery/api/answer-back";
import { fieldErrors } from "@/lib/delivery/api/api-inputs";
import { TRANSITIONS } from "@/lib/referrals/status-rules";
import { ApiRefusal, apiRoute, jsonBody, jsonResponse, notFound } from "./api-route";

type AnswerBackSpec<S extends z.ZodType> = { operation: string; schema: S | null; toAnswer: (input: z.output<S> | null) => AnswerBack };

/** The route's POST handler: `export const POST = answerBackPost({ operation, schema, toAnswer })`. */
export function answerBackPost<S extends z.ZodType>(spec: AnswerBackSpec<S>) {
  return async (request: Request, { params }: { params: Promise<{ reference: string }> }): Promise<Response> => answerBackRoute(request, (await params).reference, spec);
}

async function answerBackRoute<S extends z.ZodType>(request: Request, reference: string, spec: AnswerBackSpec<S>): Promise<Response> {
  return apiRoute(request, spec.operation, async ({ key, now }) => {
    let input: z.output<S> | null = null;
    if (spec.schema) {
      const body = await jsonBody(request);
      if (body instanceof ApiRefusal) return body;
      const parsed = spec.schema.safeParse(body);
      if (!parsed.success) return new ApiRefusal(422, "invalid_request", "The request is not valid.", fieldErrors(parsed.error));
      input = parsed.data;
    }
    const answer = spec.toAnswer(input);
    const result = await answerBack(referralDeps(now), key, reference, answer);
    switch (result.status) {
      case "done":
        return jsonResponse({ reference, status: TRANSITIONS[answer.action].to });
      case "wrong-state":
        return new ApiRefusal(409, "conflict", `This referral's status (${result.current}) does not allow this.`, { status: result.current });
      case "invalid":
        return new ApiRefusal(422, "invalid_request", Object.values(result.errors)[0] ?? "The request is not valid.", result.errors);
      default:
        return notFound();
    }
  });
}
