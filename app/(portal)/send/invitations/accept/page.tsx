import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import { signOutAction } from "@/app/account/sign-out/actions";
import { Button } from "@/components/button";
import { sendDeps } from "@/app/_send/send-deps";
import { claimInvitation } from "@/lib/send/invitations";
import { logEvent } from "@/lib/log";

export const metadata: Metadata = { title: "Accept Portal Invitation" };

type Props = { searchParams: Promise<{ token?: string }> };

/**
 * Where the "Accept Portal Invitation" link lands. Signed out, it goes to sign-in (which offers
 * "Register for a new account") and comes back here. Signed in with the invited address's
 * account, the link is used up and the parent goes on to Account Setup; any other account is
 * told so, and nothing is linked (the link still works for the right account).
 */
export default async function AcceptInvitationPage({ searchParams }: Props) {
  const token = String((await searchParams).token ?? "");
  const user = await requireUser(`/send/invitations/accept?token=${encodeURIComponent(token)}`);
  const result = await claimInvitation(sendDeps(), { userId: user.userId }, token);
  // "claimed", or why not: "wrong-account", "expired", "used", "not-found".
  const outcome = result.status === "done" ? "claimed" : result.status === "wrong-state" ? result.current : result.status;
  logEvent("send.invitation.claim", { userId: user.userId, result: outcome });
  if (result.status === "done") redirect("/send/account-setup");
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-6">{outcome === "wrong-account" ? "This invitation is for another email address" : "This invitation link cannot be used"}</h1>
      {result.status === "wrong-state" && result.current === "wrong-account" && (
        <>
          <p className="mb-4">
            The invitation was sent to {result.invitedEmail}, but you are signed in as {user.email}. Nothing has been linked to your
            account.
          </p>
          <p className="mb-4">Sign out, then open the link in the email again and sign in (or register) with the address the invitation was sent to.</p>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        </>
      )}
      {outcome === "expired" && <p className="mb-4">The link has expired. Contact the SEND team and ask them to send you a new invitation.</p>}
      {outcome === "used" && (
        <p className="mb-4">
          The link has already been used. If you have accepted the invitation, see <Link href="/send">your SEND Dashboard</Link>. Otherwise,
          contact the SEND team and ask for a new invitation.
        </p>
      )}
      {outcome === "not-found" && <p className="mb-4">Check you copied the whole link from the email, or contact the SEND team and ask for a new invitation.</p>}
    </div>
  );
}
