import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { listAwaitingApproval } from "@/lib/send/invitations";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Account Setup - Invitations awaiting approval" };

/** Guide 004's "Account Setup": the invitations this account opened and has not yet answered. */
export default async function AccountSetupPage() {
  const user = await requireUser("/send/account-setup");
  const invitations = await listAwaitingApproval(getDb(), { userId: user.userId });
  return (
    <div className="max-w-[40em]">
      <span className="body-l mb-1 block text-secondary-ink">Account Setup</span>
      <h1 className="heading-xl mb-6">Invitations awaiting approval</h1>
      <ol className="mb-8 list-none" aria-label="Steps">
        <li aria-current="step" className="font-bold">
          1 Invitations awaiting approval
        </li>
      </ol>
      {invitations.length === 0 ? (
        <p>
          There are no invitations waiting for your approval. Open the link in your &quot;Accept Portal Invitation&quot; email, or go to{" "}
          <Link href="/send">your SEND Dashboard</Link>.
        </p>
      ) : (
        <SetupForm invitations={invitations} />
      )}
    </div>
  );
}
