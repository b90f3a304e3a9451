/** "Portal access": the people who accepted an invitation, their state, and the controls to activate or revoke them. */
import { Table } from "@/components/table";
import { formatDate } from "@/lib/format/dates";
import type { CaseView } from "@/lib/send";
import { AccessControls } from "../case-forms";
import { CaseSection } from "./case-section";

export function AccessSection({ view }: { view: CaseView }) {
  return (
    <CaseSection id="access" title="Portal access">
      {view.access.length === 0 ? (
        <p>Nobody has accepted an invitation to see this case yet.</p>
      ) : (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        <div role="region" aria-label="Portal access table" tabIndex={0} className="overflow-x-auto">
          <Table
            caption="People who accepted an invitation"
            captionSize="s"
            head={[{ text: "Name" }, { text: "Email" }, { text: "Status" }, { text: "Action" }]}
            rows={view.access.map((person) => [
              person.name,
              <span key="email" className="break-all">
                {person.email}
              </span>,
              person.status === "pending"
                ? "Accepted – waiting for activation"
                : person.status === "active"
                  ? `Active since ${formatDate(person.activatedAt ?? person.acceptedAt, "short")}`
                  : `Revoked ${person.revokedAt ? formatDate(person.revokedAt, "short") : ""}`.trim(),
              <AccessControls key="actions" caseId={view.id} accessId={person.id} canActivate={person.status === "pending"} canRevoke={person.status !== "revoked"} />,
            ])}
          />
        </div>
      )}
    </CaseSection>
  );
}
