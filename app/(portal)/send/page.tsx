import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_auth/current-user";
import { NotificationBanner } from "@/components/notification-banner";
import { getDb } from "@/db/client";
import { listFamilyChildren } from "@/lib/send/access";
import { listAwaitingApproval } from "@/lib/send/invitations";
import { SendChildren } from "./_parts/send-children";

export const metadata: Metadata = { title: "SEND Dashboard" };

type Props = { searchParams: Promise<{ done?: string }> };

/** The family's SEND start page: each child with "SEND Dashboard" under it, and any invitation still to answer. */
export default async function SendHomePage({ searchParams }: Props) {
  const user = await requireUser("/send");
  const { done } = await searchParams;
  const family = { userId: user.userId };
  const [children, awaiting] = await Promise.all([listFamilyChildren(getDb(), family), listAwaitingApproval(getDb(), family)]);
  return (
    <div>
      {done === "accepted" && (
        <NotificationBanner type="success" heading="Your request is with the SEND team">
          <p>We have emailed you to confirm. When the SEND team has activated your account we will email you the link to the SEND Dashboard.</p>
        </NotificationBanner>
      )}
      {done === "declined" && (
        <NotificationBanner type="success" heading="We have told the SEND team">
          <p>You chose not to set up access. If you change your mind, contact the SEND team.</p>
        </NotificationBanner>
      )}
      <h1 className="heading-xl mb-6">SEND Dashboard</h1>
      {awaiting.length > 0 && (
        <p className="mb-6">
          You have {awaiting.length === 1 ? "an invitation" : `${awaiting.length} invitations`} to answer.{" "}
          <Link href="/send/account-setup">Go to Account Setup</Link>
        </p>
      )}
      {children.length === 0 ? (
        <p className="max-w-[40em]">
          You do not have access to a SEND Dashboard yet. If your child is having an Education, Health and Care (EHC) needs assessment,
          the SEND team will email you an identity code and then an invitation titled &quot;Accept Portal Invitation&quot;.
        </p>
      ) : (
        <SendChildren items={children} />
      )}
    </div>
  );
}
