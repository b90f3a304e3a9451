import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { formById } from "@/lib/forms/catalogue";
import { findSentForm } from "@/lib/submissions/submit-draft";

export const metadata: Metadata = { title: "Thank you: form sent" };

/** Thank You (GOV.UK confirmation page): the reference number, and what happens next. */
export default async function ThankYouPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const user = await requireUser(`/submitted/${encodeURIComponent(reference)}/thank-you`);
  const sent = await findSentForm(getDb(), user.userId, reference);
  if (!sent) notFound();
  return (
    <div className="max-w-[40em]">
      <div className="mb-8 bg-success p-6 text-center text-white">
        <h1 className="heading-xl mb-4">Thank you: your form has been sent</h1>
        <p className="body-l">
          Your reference number
          <br />
          <strong className="text-[1.75rem] font-bold tracking-wider">{sent.reference}</strong>
        </p>
      </div>
      <p className="mb-4">
        We have sent you an email to confirm that your {formById(sent.formId)?.title ?? "form"} has been sent to the Local Authority.
      </p>
      <p className="mb-4">
        <a href={`/submitted/${sent.reference}/pdf`} download>
          Create PDF
        </a>{" "}
        of the form you sent, to keep for your records.
      </p>
      <h2 className="heading-m mb-3">What happens next</h2>
      <p className="mb-4">The team will read your form. Their response, or a request for more information, will appear in Submitted Forms and we will email you.</p>
      <p className="mb-4">If a child is in immediate danger, call 999.</p>
      <p>
        <Link href="/submitted">Go to Submitted Forms</Link>
      </p>
    </div>
  );
}
