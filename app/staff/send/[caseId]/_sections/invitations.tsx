/** "Portal invitation": each invitation to the family, newest first, with its state and controls, and the form to invite. */
import { formatDate } from "@/lib/format/dates";
import type { CaseView, InvitationView } from "@/lib/send";
import { InvitationControls, InviteForm } from "../case-forms";
import { CaseSection } from "./case-section";

const INVITATION_STATUS: Record<InvitationView["status"], string> = {
  "awaiting-verification": "Waiting for identity check",
  verified: "Invitation link sent",
  accepted: "Accepted",
  declined: "Declined",
  locked: "Locked after 5 wrong codes",
  cancelled: "Cancelled",
};

export function InvitationsSection({ view }: { view: CaseView }) {
  const live = view.invitations.some((invitation) => invitation.status === "awaiting-verification" || invitation.status === "verified");
  const invitations = [...view.invitations].reverse();
  return (
    <CaseSection id="invitation" title="Portal invitation" isNarrow>
      {invitations.length === 0 ? (
        <p className="mb-4">The family has not been invited to the portal.</p>
      ) : (
        <ul className="mb-4">
          {invitations.map((invitation) => (
            <li key={invitation.id} id={`invitation-${invitation.id}`} className="mb-6 border-l-4 border-border pl-4">
              <h3 className="heading-s mb-2 break-all">Invitation to {invitation.email}</h3>
              <p className="mb-2">
                Status: <strong>{INVITATION_STATUS[invitation.status]}</strong>
              </p>
              <p className="mb-2">Created {formatDate(invitation.createdAt)}</p>
              {invitation.status === "awaiting-verification" && (
                <p className="mb-4">
                  The identity code expires on {formatDate(invitation.codeExpiresAt)}.{invitation.wrongCodes > 0 && ` Wrong codes entered so far: ${invitation.wrongCodes} of 5.`}
                </p>
              )}
              {invitation.status === "verified" &&
                (invitation.claimedAt ? (
                  <p className="mb-4">The parent opened the link on {formatDate(invitation.claimedAt)} and has not answered yet.</p>
                ) : (
                  invitation.linkExpiresAt && <p className="mb-4">The invitation link expires on {formatDate(invitation.linkExpiresAt)}.</p>
                ))}
              <InvitationControls
                caseId={view.id}
                invitationId={invitation.id}
                canVerify={invitation.status === "awaiting-verification"}
                // Once the parent has opened the link it is used up: lib refuses to resend it.
                canResend={invitation.status === "awaiting-verification" || invitation.status === "locked" || (invitation.status === "verified" && !invitation.claimedAt)}
                canCancel={invitation.status === "awaiting-verification" || invitation.status === "verified" || invitation.status === "locked"}
              />
            </li>
          ))}
        </ul>
      )}
      {!live && (
        <p className="mb-4">
          Inviting the family emails an identity code to the requestor at <span className="break-all">{view.requestor.email}</span>. When the parent quotes the code to you, enter it here and they are sent the invitation link.
        </p>
      )}
      <InviteForm caseId={view.id} requestorEmail={view.requestor.email} />
    </CaseSection>
  );
}
