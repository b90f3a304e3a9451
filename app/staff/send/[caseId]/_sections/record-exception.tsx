/** "Record an exception": the timescales an exception may apply to and the reasons the regulations allow. */
import { EXCEPTION_REASONS, EXCEPTION_TIMESCALES, type CaseView, type ExceptionReason, type ExceptionTimescale } from "@/lib/send";
import { RecordExceptionForm } from "../case-forms";
import { CaseSection } from "./case-section";

const EXCEPTION_TIMESCALE_LABELS: Record<ExceptionTimescale, string> = {
  "assess-decision": "Decision whether to assess (6 weeks)",
  "plan-decision": "Decision whether to issue a plan (16 weeks)",
  "final-plan": "Final plan (20 weeks)",
};

export function RecordExceptionSection({ view }: { view: CaseView }) {
  return (
    <CaseSection id="exception" title="Record an exception" isNarrow>
      <p className="mb-6">When a timescale cannot be met for one of the reasons the regulations allow, record it here. The timescale then shows that an exception applies instead of being missed.</p>
      <RecordExceptionForm
        caseId={view.id}
        timescales={EXCEPTION_TIMESCALES.map((value) => ({ value, label: EXCEPTION_TIMESCALE_LABELS[value] }))}
        reasons={(Object.keys(EXCEPTION_REASONS) as ExceptionReason[]).map((value) => ({ value, label: EXCEPTION_REASONS[value] }))}
      />
    </CaseSection>
  );
}
