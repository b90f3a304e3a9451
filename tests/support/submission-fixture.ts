/**
 * lib/submissions' deps for tests: the real database, a fixed clock, and a mailer that queues
 * nothing unless the test passes its own (a recording one, or a failing one).
 */
import type { SubmissionDeps, SubmissionMailer } from "@/lib/submissions/deps";
import { db } from "@/tests/support/auth-fixture";

export const noSubmissionMail: SubmissionMailer = async () => {};

export function submissionDepsAt(now: Date, mail: SubmissionMailer = noSubmissionMail): SubmissionDeps {
  return { db, now, mail, appUrl: "http://localhost:3000" };
}
