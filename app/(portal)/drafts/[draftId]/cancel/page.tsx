import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { loadDraft } from "../../_engine/load-draft";
import { draftPaths } from "../../_engine/paths";
import { cancelDraftAction } from "./actions";

export const metadata: Metadata = { title: "Cancel this form" };

export default async function CancelDraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const { draft, definition } = await loadDraft(draftId, draftPaths(draftId).cancel);
  return (
    <div className="max-w-[40em]">
      <span className="body-l mb-1 block text-secondary-ink">{definition.title}</span>
      <h1 className="heading-l mb-6">Are you sure you want to cancel this form?</h1>
      <p className="mb-8">The saved form and all its answers will be deleted. This cannot be undone.</p>
      <form action={cancelDraftAction}>
        <input type="hidden" name="draftId" value={draft.id} />
        <div className="flex flex-wrap items-baseline gap-x-6">
          <Button type="submit" variant="warning">
            Yes, delete this form
          </Button>
          <Link href="/drafts" className="mb-[22px]">
            No, keep it
          </Link>
        </div>
      </form>
    </div>
  );
}
