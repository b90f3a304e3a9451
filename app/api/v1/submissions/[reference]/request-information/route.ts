/**
 * POST /api/v1/submissions/<ref>/request-information with `{ "reason": "…", "comments": "…" }`: the
 * case system sends the form back for more information, as "Request more information" in /staff.
 */
import { requestInformationSchema } from "@/lib/delivery/api/api-inputs";
import { answerBackPost } from "../../../_support/answer-back-route";

export const dynamic = "force-dynamic";

export const POST = answerBackPost({
  operation: "submission.request-information",
  schema: requestInformationSchema,
  toAnswer: (input) => ({ action: "request-information", reason: input!.reason, comments: input!.comments }),
});
