import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "@/components/button";
import { sendDraftAction } from "../../_engine/actions";
import { loadDraft } from "../../_engine/load-draft";
import { draftPaths } from "../../_engine/paths";

export const metadata: Metadata = { title: "Send to Local Authority" };

/** The confirmation before sending, as a page (the dialog does this with JavaScript). */
export default async function SendPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const paths = draftPaths(draftId);
  const { draft, definition, statuses } = await loadDraft(draftId, paths.send);
  if (statuses.some((status) => status.isShown && status.state !== "complete")) redirect(`${paths.checkAnswers}?incomplete=1`);
  return (
    <div className="max-w-[40em]">
      <span className="body-l mb-1 block text-secondary-ink">{definition.title}</span>
      <h1 className="heading-l mb-6">Are you sure you want to send this form?</h1>
      <p className="mb-8">Once it is sent to the Local Authority you cannot change it. You will get a reference number and an email to confirm.</p>
      <form action={sendDraftAction}>
        <input type="hidden" name="draftId" value={draft.id} />
        <div className="flex flex-wrap items-baseline gap-x-6">
          <Button type="submit">Submit</Button>
          <Link href={paths.section(definition.sections.at(-1)!.id)} className="mb-[22px]">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
