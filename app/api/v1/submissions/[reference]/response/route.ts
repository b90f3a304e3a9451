/** POST /api/v1/submissions/<ref>/response with `{ "response": "…" }`: the case system posts the council's response, as "Post a response" in /staff does. */
import { responseSchema } from "@/lib/delivery/api/api-inputs";
import { answerBackPost } from "../../../_support/answer-back-route";

export const dynamic = "force-dynamic";

export const POST = answerBackPost({
  operation: "submission.response",
  schema: responseSchema,
  toAnswer: (input) => ({ action: "respond", response: input?.response ?? "" }),
});
