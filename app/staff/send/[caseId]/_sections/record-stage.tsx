/** "Record a stage": the form, suggesting the stage after the last recorded; none once the council decided not to assess or not to issue a plan. */
import { STAGE_LABELS, STAGE_ORDER, type CaseView, type StageKind } from "@/lib/send";
import { RecordStageForm } from "../case-forms";
import { CaseSection } from "./case-section";

/** The stage the form suggests: the one after the last recorded (annual reviews repeat). */
function nextStage(view: CaseView): StageKind | "" {
  const last = view.stages.at(-1);
  if (!last) return STAGE_ORDER[0] ?? "";
  return STAGE_ORDER[STAGE_ORDER.indexOf(last.kind) + 1] ?? "annual-review";
}

export function RecordStageSection({ view }: { view: CaseView }) {
  const ended = view.stage === "not-assessing" || view.stage === "not-issuing";
  return (
    <CaseSection id="stage" title="Record a stage" isNarrow>
      {ended ? (
        <p>No more stages can be recorded: {view.stage === "not-assessing" ? "the council decided not to assess." : "the council decided not to issue a plan."}</p>
      ) : (
        <RecordStageForm caseId={view.id} stages={STAGE_ORDER.map((value) => ({ value, label: STAGE_LABELS[value] }))} nextStage={nextStage(view)} />
      )}
    </CaseSection>
  );
}
