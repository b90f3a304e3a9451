import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { appSettings } from "@/lib/config/env";
import { openSubmittedFormForPdf } from "@/lib/audit/downloads";
import { now } from "@/lib/clock";
import { clientAddressOf } from "@/lib/security/client-address";
import { filesOfSubmission } from "@/lib/submissions/find-submission";
import { notFoundResponse, pdfResponse } from "../../../_pdf/pdf-response";

/** The PDF of a sent form: for the person who sent it, and for council staff (whose download is audited first). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const user = await currentUser();
  if (!user) return NextResponse.redirect(new URL(`/account/sign-in?returnTo=${encodeURIComponent(`/submitted/${reference}/pdf`)}`, appSettings().APP_URL), 303);
  const sent = await openSubmittedFormForPdf(getDb(), { userId: user.userId, role: user.role, ip: clientAddressOf(request.headers) }, reference, now());
  if (!sent) return notFoundResponse();
  return pdfResponse(
    user.userId,
    { definition: sent.definition, people: sent.people, answers: sent.answers, submitted: { reference: sent.reference, at: sent.submittedAt }, attachments: await filesOfSubmission(getDb(), sent.id) },
    `${sent.reference}.pdf`,
    { submissionId: sent.id },
  );
}
