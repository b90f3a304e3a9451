import { SummaryList } from "@/components/summary-list";
import { Tag, type TagColour } from "@/components/tag";
import { formatDateTime } from "@/lib/format/dates";
import type { DeliveryStatus } from "@/lib/delivery/delivery-status";

const STATUS: Record<DeliveryStatus["status"], { text: string; colour: TagColour }> = {
  queued: { text: "Waiting to be sent", colour: "grey" },
  retrying: { text: "Retrying", colour: "yellow" },
  delivered: { text: "Delivered", colour: "green" },
  failed: { text: "Failed", colour: "red" },
};

/** "Delivery to the case system" on a referral: where its push or pull stands. */
export function DeliverySummary({ delivery }: { delivery: DeliveryStatus | null }) {
  if (!delivery) return null;
  const { text, colour } = STATUS[delivery.status];
  const rows = [{ key: "Status", value: <Tag colour={colour}>{text}</Tag> }];
  if (delivery.status === "queued") rows.push({ key: "What happens next", value: <>Sent to the team&apos;s endpoint within a few seconds, or collected by the case system through the API</> });
  if (delivery.deliveredAt) {
    rows.push({ key: "Delivered", value: <>{`${formatDateTime(delivery.deliveredAt)}, ${delivery.deliveredBy === "api" ? "collected through the API" : "by webhook"}`}</> });
    rows.push({ key: "Case system's id", value: <>{delivery.caseSystemId ?? "Not given"}</> });
  }
  if (delivery.status === "retrying" || delivery.status === "failed") {
    rows.push({ key: "Attempts", value: <>{delivery.attempts}</> });
    if (delivery.nextAttemptAt) rows.push({ key: "Next try", value: <>{formatDateTime(delivery.nextAttemptAt)}</> });
    rows.push({ key: "Last error", value: <span className="break-all">{delivery.lastError ?? "None recorded"}</span> });
  }
  return (
    <section aria-labelledby="delivery-heading" className="mb-8">
      <h2 id="delivery-heading" className="heading-m mb-4">
        Delivery to the case system
      </h2>
      <SummaryList rows={rows} />
      {delivery.status === "failed" && <p>A council admin can retry it from Delivery to the case system.</p>}
    </section>
  );
}
