import type { Metadata } from "next";
import { requireUser } from "@/app/_auth/current-user";
import { councilSettings } from "@/lib/config/council";

export const metadata: Metadata = { title: "Recover a form" };

// Lists saved forms once the forms issue lands; until then there is nothing to recover.
export default async function RecoverAFormPage() {
  await requireUser("/drafts");
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-6">Recover a form</h1>
      <p className="mb-4">Forms you save for later are kept for {councilSettings().draftRetentionDays} days from the day you started them.</p>
      <p>You have no saved forms.</p>
    </div>
  );
}
