import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_auth/current-user";
import { NotificationBanner } from "@/components/notification-banner";
import { Table } from "@/components/table";
import { getDb } from "@/db/client";
import { councilSettings } from "@/lib/config/council";
import { formatDate } from "@/lib/format/dates";
import { listDraftsForOwner } from "@/lib/drafts/drafts";
import { formById, SERVICE_NAMES } from "@/lib/forms/catalogue";
import type { Service } from "@/lib/forms/types";
import { now } from "@/lib/clock";
import { draftPaths } from "./_engine/paths";

export const metadata: Metadata = { title: "Recover a form" };

type Props = { searchParams: Promise<{ service?: string; cancelled?: string; gone?: string }> };


/**
 * Recover a form (guides 000, 002): the user's saved forms, a tab per service, each with No.,
 * Start Date, Description and Days Left; open one to carry on where you stopped, or cancel it.
 * The tabs are links, so they work without JavaScript.
 */
export default async function RecoverAFormPage({ searchParams }: Props) {
  const user = await requireUser("/drafts");
  const params = await searchParams;
  const drafts = (await listDraftsForOwner(getDb(), user.userId, now())).flatMap((draft) => {
    const definition = formById(draft.formId);
    return definition ? [{ ...draft, definition }] : [];
  });
  const services = (Object.keys(SERVICE_NAMES) as Service[]).filter((service) => drafts.some((draft) => draft.definition.service === service));
  const current = services.find((service) => service === params.service) ?? services[0];
  const shown = drafts.filter((draft) => draft.definition.service === current);
  return (
    <div>
      {params.cancelled === "1" && <NotificationBanner type="success" heading="The saved form has been deleted" />}
      {params.gone === "1" && (
        <NotificationBanner heading="That form is no longer available">
          <p>It may have been sent, cancelled, or deleted after {councilSettings().draftRetentionDays} days.</p>
        </NotificationBanner>
      )}
      <h1 className="heading-xl mb-6">Recover a form</h1>
      <p className="mb-8 max-w-[40em]">
        Forms you save for later are kept for {councilSettings().draftRetentionDays} days from the day you started them, then deleted.
      </p>
      {drafts.length === 0 ? (
        <p>You have no saved forms.</p>
      ) : (
        <>
          <nav aria-label="Services" className="mb-6 border-b border-border">
            <ul className="flex flex-wrap gap-x-1">
              {services.map((service) => (
                <li key={service}>
                  <Link
                    href={`/drafts?service=${service}`}
                    aria-current={service === current ? "page" : undefined}
                    className={`-mb-px inline-block border border-b-0 px-5 py-2 ${service === current ? "border-border bg-white font-bold text-ink no-underline" : "border-transparent bg-light-grey"}`}
                  >
                    {SERVICE_NAMES[service]} ({drafts.filter((draft) => draft.definition.service === service).length})
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <Table
            caption={`Saved ${SERVICE_NAMES[current!]} forms`}
            captionSize="m"
            head={[{ text: "No." }, { text: "Start Date" }, { text: "Description" }, { text: "Days Left", isNumeric: true }, { text: <span className="sr-only">Actions</span> }]}
            rows={shown.map((draft, index) => [
              String(index + 1),
              formatDate(draft.startedAt, "short"),
              <Link key="open" href={draftPaths(draft.id).resume}>
                {draft.definition.title}
                {draft.people.length > 0 && <> – {draft.people.map((person) => `${person.forename} ${person.surname}`).join(", ")}</>}
              </Link>,
              String(draft.daysLeft),
              <Link key="cancel" href={draftPaths(draft.id).cancel}>
                Cancel<span className="sr-only"> {draft.definition.title} started {formatDate(draft.startedAt)}</span>
              </Link>,
            ])}
          />
        </>
      )}
    </div>
  );
}
