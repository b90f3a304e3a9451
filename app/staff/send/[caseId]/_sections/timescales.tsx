/** The case's statutory timescales: its stage, and each due date with whether it was met, is overdue or has an exception. */
import { Table } from "@/components/table";
import { Tag, type TagColour } from "@/components/tag";
import { formatDate } from "@/lib/format/dates";
import { EXCEPTION_REASONS, STAGE_NAMES, TIMESCALE_LABELS, type CaseView, type Timescale } from "@/lib/send";
import { CaseSection } from "./case-section";

function timescaleStatus(timescale: Timescale): { text: string; colour: TagColour | null } {
  switch (timescale.status) {
    case "upcoming":
      return { text: "Due", colour: "blue" };
    case "overdue":
      return { text: "Overdue", colour: "red" };
    case "met":
      return { text: "Met", colour: "green" };
    case "met-late":
      return { text: "Met late", colour: "orange" };
    case "exception":
      return { text: `Exception applies: ${timescale.exception ? EXCEPTION_REASONS[timescale.exception.reason] : "reason not recorded"}`, colour: null };
    case "not-needed":
      return { text: "Not needed", colour: "grey" };
  }
}

export function TimescalesSection({ view }: { view: CaseView }) {
  return (
    <CaseSection id="timescales" title="Statutory timescales">
      <p className="mb-4">
        Stage: <strong>{STAGE_NAMES[view.stage]}</strong>
        {view.overdue && " – a timescale is overdue"}
      </p>
      <Table
        caption="Due dates and whether each was met"
        captionSize="s"
        head={[{ text: "Timescale" }, { text: "Due" }, { text: "Done on" }, { text: "Status" }]}
        firstCellIsHeader
        rows={view.timescales.map((timescale) => {
          const status = timescaleStatus(timescale);
          return [
            TIMESCALE_LABELS[timescale.key],
            formatDate(timescale.due, "short"),
            timescale.completedOn ? formatDate(timescale.completedOn, "short") : "Not yet",
            status.colour ? (
              <Tag key="status" colour={status.colour}>
                {status.text}
              </Tag>
            ) : (
              status.text
            ),
          ];
        })}
      />
    </CaseSection>
  );
}
