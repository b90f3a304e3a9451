/** POST /api/v1/submissions/<ref>/close (no body): the case system closes the referral, as "Close" in /staff does. */
import { answerBackPost } from "../../../_support/answer-back-route";

export const dynamic = "force-dynamic";

export const POST = answerBackPost({ operation: "submission.close", schema: null, toAnswer: () => ({ action: "close" }) });
