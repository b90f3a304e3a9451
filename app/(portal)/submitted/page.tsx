import type { Metadata } from "next";
import { requireUser } from "@/app/_auth/current-user";
import { Table } from "@/components/table";
import { getDb } from "@/db/client";
import { councilSettings } from "@/lib/config/council";
import { listRecentSubmissions } from "@/lib/submissions/find-submission";
import { now } from "@/lib/clock";

export const metadata: Metadata = { title: "Submitted Forms" };

const DAY_MS = 24 * 60 * 60 * 1000;
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });

/**
 * Submitted Forms (guides 002 and 003): the forms this user sent in the council's window, with
 * the PDF of each. The council's responses and requests for more information come with the
 * staff side (issue 6); until then every row says "No response posted".
 */
export default async function SubmittedFormsPage() {
  const user = await requireUser("/submitted");
  const days = councilSettings().submittedFormsDays;
  const sent = await listRecentSubmissions(getDb(), user.userId, new Date(now().getTime() - days * DAY_MS));
  return (
    <div>
      <h1 className="heading-xl mb-6">Submitted Forms</h1>
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
            dateFormat.format(form.submittedAt),
            form.reference,
            "No response posted",
          ])}
        />
      )}
    </div>
  );
}
