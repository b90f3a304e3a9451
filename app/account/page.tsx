import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_auth/current-user";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList } from "@/components/summary-list";

export const metadata: Metadata = { title: "My Account" };

const NOTICES = {
  passwordChanged: "Your password has been changed. You have been signed out everywhere else.",
  updated: "Your details have been updated.",
} as const;

type Props = { searchParams: Promise<Partial<Record<keyof typeof NOTICES, string>>> };

export default async function MyAccountPage({ searchParams }: Props) {
  const user = await requireUser("/account");
  const params = await searchParams;
  const notice = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((key) => params[key]);
  const link = "text-link underline";
  return (
    <div className="max-w-[40em]">
      {notice && <NotificationBanner type="success" heading={NOTICES[notice]} />}
      <h1 className="heading-xl mb-6">My Account</h1>
      <SummaryList
        rows={[
          { key: "Name", value: `${user.forename} ${user.surname}` },
          { key: "Email address", value: user.email },
        ]}
      />
      <ul className="mt-8 list-none space-y-3 p-0">
        <li><Link className={link} href="/drafts">Recover a form</Link></li>
        <li><Link className={link} href="/submitted">Submitted Forms</Link></li>
        <li><Link className={link} href="/account/update">Update Account</Link></li>
        <li><Link className={link} href="/account/change-password">Change Password</Link></li>
      </ul>
    </div>
  );
}
