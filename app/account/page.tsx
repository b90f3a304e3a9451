import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_auth/current-user";
import { SummaryList } from "@/components/summary-list";

export const metadata: Metadata = { title: "My Account" };

export default async function MyAccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-6">My Account</h1>
      <SummaryList
        rows={[
          { key: "Name", value: `${user.forename} ${user.surname}` },
          { key: "Email address", value: user.email },
        ]}
      />
      <ul className="mt-8 list-none space-y-3 p-0">
        <li>
          <Link className="text-link underline" href="/drafts">
            Recover a form
          </Link>
        </li>
        <li>
          <Link className="text-link underline" href="/submitted">
            Submitted Forms
          </Link>
        </li>
      </ul>
    </div>
  );
}
