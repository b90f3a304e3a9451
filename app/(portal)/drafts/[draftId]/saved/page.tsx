import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import { loadDraft } from "../../_engine/load-draft";
import { draftPaths } from "../../_engine/paths";

export const metadata: Metadata = { title: "Your form has been saved" };


/** After "Save for later": where the form is kept, until when, and the email with its link. */
export default async function SavedPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const paths = draftPaths(draftId);
  const { user, draft, definition } = await loadDraft(draftId, paths.saved);
  return (
    <div className="max-w-[40em]">
      <span className="body-l mb-1 block text-secondary-ink">{definition.title}</span>
      <h1 className="heading-l mb-6">Your form has been saved</h1>
      <p className="mb-4">We have emailed a link to the form to {user.email}.</p>
      <p className="mb-4">
        Your form is kept until {formatDate(draft.expiresAt)}. After that it is deleted and your answers are lost.
      </p>
      <p className="mb-4">To carry on later, use the link in the email, or sign in and choose &lsquo;Recover a form&rsquo;.</p>
      <ul className="mb-8 list-disc pl-5">
        <li className="mb-1">
          <Link href={paths.resume}>Carry on with this form now</Link>
        </li>
        <li className="mb-1">
          <Link href="/drafts">Recover a form</Link>
        </li>
      </ul>
    </div>
  );
}
