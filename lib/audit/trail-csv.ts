/**
 * The audit trail as CSV (RFC 4180): every row matching the filters, streamed a batch at a time so
 * a long trail never sits in memory. Every cell is quoted with its quotes doubled, and a cell that
 * a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) is
 * prefixed with an apostrophe (OWASP's CSV injection advice): names and search terms are typed by
 * people, and an admin opens the file in Excel.
 */
import type { DbOrTx } from "@/db/client";
import { auditEventLabel, describeDetail } from "./labels";
import { trailBatches, type TrailRow } from "./trail";
import type { TrailFilters } from "./trail-filters";

const HEADER = ["Time (London)", "Time (UTC)", "Person", "Email", "Action", "Event", "Record", "Record id", "Client address", "Details"];

/** One cell, quoted and safe to open in a spreadsheet. */
export function csvCell(value: string | null | undefined): string {
  const text = value ?? "";
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${guarded.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function trailCsvLine(row: TrailRow): string {
  const record = row.record?.kind === "referral" ? row.record.reference : row.record?.kind === "send-case" ? row.record.number : "";
  return csvLine([
    row.atLondon,
    row.at.toISOString(),
    row.person?.name,
    row.person?.email,
    auditEventLabel(row.event),
    row.event,
    record,
    row.record?.id,
    row.ip,
    describeDetail(row.detail),
  ]);
}

/** The CSV as a stream: the header, then each batch as it is read. Nothing for anyone but a council admin. */
export function trailCsvStream(db: Pick<DbOrTx, "select">, admin: { userId: string }, filters: TrailFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = trailBatches(db, admin, filters);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // A byte order mark, so Excel reads the names as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(HEADER)}`));
        return;
      }
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(trailCsvLine).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
