import type { Metadata } from "next";
import Link from "next/link";
import { requireCouncilAdmin } from "@/app/_auth/current-user";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { Button } from "@/components/button";
import { NotificationBanner } from "@/components/notification-banner";
import { Table } from "@/components/table";
import { Tag } from "@/components/tag";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/lib/format/dates";
import { listTeamEndpoints } from "@/lib/delivery/webhooks/endpoints";
import { listTroubledDeliveries } from "@/lib/delivery/webhooks/troubled-deliveries";
import { retryDeliveryAction } from "./actions";

export const metadata: Metadata = { title: "Delivery to the case system" };

const BANNERS: Record<string, { type: "success" | "info"; text: string }> = {
  retried: { type: "success", text: "The delivery will be tried again within a few seconds." },
  removed: { type: "success", text: "Endpoint removed. That team's forms now wait for the case system to collect them through the API." },
  gone: { type: "info", text: "That team, endpoint or delivery could not be found, or it has been delivered since." },
};

/** Each team's webhook endpoint, and the deliveries an admin should look at: retrying or failed. */
export default async function DeliveryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireCouncilAdmin("/staff/admin/delivery");
  const params = await searchParams;
  const [endpoints, troubled] = await Promise.all([listTeamEndpoints(getDb()), listTroubledDeliveries(getDb())]);
  const banner = Object.keys(BANNERS).find((key) => params[key] !== undefined);
  return (
    <div>
      <StaffNav current="admin-delivery" />
      {banner && <NotificationBanner type={BANNERS[banner]!.type} heading={BANNERS[banner]!.text} />}
      <h1 className="heading-xl mb-6">Delivery to the case system</h1>
      <p className="mb-6">
        Each sent form is posted to its team&apos;s endpoint, signed with the team&apos;s secret. A team without an endpoint has its forms collected by the case system through the
        API.
      </p>
      <Table
        caption="Teams' webhook endpoints"
        head={[{ text: "Team" }, { text: "Endpoint" }, { text: "Last changed" }, { text: "Action" }]}
        firstCellIsHeader
        rows={endpoints.map((team) => [
          team.teamName,
          team.url ? <span className="break-all">{team.url}</span> : "None: collected through the API",
          team.updatedAt ? formatDateTime(team.updatedAt, "short") : "",
          <Link key="change" href={`/staff/admin/delivery/${team.teamId}`}>
            {team.url ? "Change" : "Set an endpoint"}
            <span className="sr-only"> for {team.teamName}</span>
          </Link>,
        ])}
      />
      {troubled.length === 0 ? (
        <p className="mt-8">No delivery is retrying or has failed.</p>
      ) : (
        <Table
          caption={`Deliveries retrying or failed (${troubled.length})`}
          head={[{ text: "Reference" }, { text: "Team" }, { text: "Status" }, { text: "Attempts" }, { text: "Next try" }, { text: "Last error" }, { text: "Action" }]}
          firstCellIsHeader
          rows={troubled.map((delivery) => [
            delivery.reference,
            delivery.teamName,
            <Tag key="status" colour={delivery.status === "failed" ? "red" : "yellow"}>
              {delivery.status === "failed" ? "Failed" : "Retrying"}
            </Tag>,
            String(delivery.attempts),
            delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt, "short") : "None",
            <span key="error" className="break-all">
              {delivery.lastError ?? ""}
            </span>,
            <form key="retry" action={retryDeliveryAction}>
              <input type="hidden" name="submissionId" value={delivery.submissionId} />
              <Button variant="secondary">
                Retry now<span className="sr-only"> {delivery.reference}</span>
              </Button>
            </form>,
          ])}
        />
      )}
    </div>
  );
}
