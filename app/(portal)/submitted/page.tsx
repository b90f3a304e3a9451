import type { Metadata } from "next";
import { requireUser } from "@/app/_auth/current-user";
import { Table } from "@/components/table";
import { getDb } from "@/db/client";
import { councilSettings } from "@/lib/config/council";
import { formatDate } from "@/lib/format/dates";
import { listRecentSubmissions } from "@/lib/submissions/find-submission";
import { listMoreInformationRequests } from "@/lib/referrals";
import { addInfoAction } from "./actions";
import { now } from "@/lib/clock";

export const metadata: Metadata = { title: "Submitted Forms" };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Submitted Forms (guides 002 and 003): first the forms the council has sent back for more
 * information (Add info opens one as a new saved form), then the forms this user sent in the
 * council's window, each with its PDF and the council's response.
 */
export default async function SubmittedFormsPage() {
  const user = await requireUser("/submitted");
  const days = councilSettings().submittedFormsDays;
  const sent = await listRecentSubmissions(getDb(), user.userId, new Date(now().getTime() - days * DAY_MS));
  const requests = await listMoreInformationRequests(getDb(), user.userId);
  return (
    <div>
      <h1 className="heading-xl mb-6">Submitted Forms</h1>
      {requests.length > 0 && (
        <div className="mb-10">
          <Table
            caption="Forms requesting more information"
            captionSize="m"
            head={[{ text: "Date" }, { text: "Form Name" }, { text: "Requested By" }, { text: "Detail" }, { text: "Comments" }, { text: <span className="sr-only">Actions</span> }]}
            rows={requests.map((request) => [
              formatDate(request.requestedAt, "short"),
              `${request.formTitle} (${request.reference})`,
              request.requestedBy,
              request.reasonLabel,
              <p key="comments" className="whitespace-pre-line">
                {request.comments}
              </p>,
              <div key="actions" className="flex flex-col gap-2">
                <form action={addInfoAction}>
                  <input type="hidden" name="submissionId" value={request.submissionId} />
                  <button type="submit" className="link-button">
                    Add info<span className="sr-only"> to {request.reference}</span>
                  </button>
                </form>
                <a href={`/submitted/${request.reference}/pdf`} download>
                  Previous Form<span className="sr-only"> {request.reference} (PDF)</span>
                </a>
              </div>,
            ])}
          />
        </div>
      )}
      {sent.length === 0 ? (
        <p>You have not sent any forms in the last {days} days.</p>
      ) : (
        <Table
          caption={`Recently Submitted Forms (Last ${days} Days)`}
          captionSize="m"
          head={[{ text: "Details" }, { text: "Name" }, { text: "Date" }, { text: "Reference" }, { text: "Response" }]}
          rows={sent.map((form) => [
            <a key="pdf" href={`/submitted/${form.reference}/pdf`} download>
              {form.formTitle}
              <span className="sr-only"> (PDF)</span>
            </a>,
            form.people.map((person) => `${person.forename} ${person.surname}`).join(", "),
            formatDate(form.submittedAt, "short"),
            form.reference,
            form.response ? (
              <div key="response">
                <p className="whitespace-pre-line">{form.response}</p>
                {form.respondedAt && <p className="text-secondary-ink">Posted {formatDate(form.respondedAt, "short")}</p>}
              </div>
            ) : (
              "No response posted"
            ),
          ])}
        />
      )}
    </div>
  );
}
