/** POST /api/v1/submissions/<ref>/close (no body): the case system closes the referral, as "Close" in /staff does. */
import { answerBackRoute } from "../../../_support/answer-back-route";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  return answerBackRoute(request, reference, { operation: "submission.close", schema: null, toAnswer: () => ({ action: "close" }) });
}
