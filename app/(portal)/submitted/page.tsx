import type { Metadata } from "next";
import { requireUser } from "@/app/_auth/current-user";
import { councilSettings } from "@/lib/config/council";

export const metadata: Metadata = { title: "Submitted Forms" };

// Lists sent forms once the submissions issue lands; until then there is nothing to show.
export default async function SubmittedFormsPage() {
  await requireUser("/submitted");
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-6">Submitted Forms</h1>
      <p className="mb-4">Forms you have sent in the last {councilSettings().submittedFormsDays} days are listed here.</p>
      <p>You have not sent any forms yet.</p>
    </div>
  );
}
