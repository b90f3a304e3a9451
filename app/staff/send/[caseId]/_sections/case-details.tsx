/** The case's details on its caseworkers' page: the child, the request, the requestor, the caseworker and the counting rule. */
import { SummaryList } from "@/components/summary-list";
import { formatDate } from "@/lib/format/dates";
import { rightsPassDate, type CaseView } from "@/lib/send";
import { CaseSection } from "./case-section";

export function CaseDetailsSection({ view }: { view: CaseView }) {
  return (
    <CaseSection id="details" title="Case details">
      <SummaryList
        rows={[
          { key: "Date of birth", value: formatDate(view.child.dateOfBirth) },
          { key: "Rights pass to the young person on", value: formatDate(rightsPassDate(view.child.dateOfBirth)) },
          { key: "Request received", value: formatDate(view.requestDate) },
          {
            key: "Requestor",
            value: (
              <>
                {view.requestor.name} ({view.requestor.relationship})
                <br />
                <span className="break-all">{view.requestor.email}</span>
              </>
            ),
          },
          {
            key: "Caseworker",
            value: (
              <>
                {view.caseworker.name}
                <br />
                <span className="break-all">{view.caseworker.email}</span>
              </>
            ),
          },
          { key: "Team contact", value: <span className="whitespace-pre-line">{view.teamContact}</span> },
          { key: "Counting rule", value: view.dayOneRule === "request-day" ? "The day the request was received is day 1" : "Counted from the day after the request" },
        ]}
      />
    </CaseSection>
  );
}
