/**
 * A repeating table question, GOV.UK's "add another" pattern without JavaScript: one block per
 * row with its columns and "Remove", then "Add another". Optionally "None" and "Not known"
 * radios first. Buttons post `intent`, which the engine applies (addTableRow, removeTableRow in
 * lib/forms/question-types/table.ts) before drawing the page again. No hooks, so it renders on
 * the server and inside the client form alike.
 */
import type { AnswerValue, Question, TableColumn, TableValue } from "@/lib/forms/types";
import { Button } from "../button";
import { ErrorMessage } from "../error-message";
import { fieldIds } from "../field-ids";
import { Fieldset } from "../fieldset";
import { FormGroup } from "../form-group";
import { Hint } from "../hint";
import { Radios } from "../radios";
import { Select } from "../select";
import { TextInput } from "../text-input";

type TableQuestion = Extract<Question, { type: "table" }>;

export type TableFieldProps = {
  question: TableQuestion;
  name: string;
  label: string;
  hint?: string;
  value: AnswerValue | undefined;
  error?: string;
};

/** The id an error summary links to: the "None or Not known" radios when offered, else the first cell. */
export function tableFieldFirstId(question: TableQuestion, name: string): string {
  if (question.allowNoneOrUnknown === true) return `${name}-status`;
  return cellId(name, 0, question.columns[0]?.id ?? "");
}

export function TableField({ question, name, label, hint, value, error }: TableFieldProps) {
  const table = asTable(value);
  // No rows yet still shows one empty row to fill in.
  const rows = table.rows.length > 0 ? table.rows : [{}];
  const item = question.itemName;
  const canAdd = question.maxRows === undefined || rows.length < question.maxRows;
  const ids = fieldIds(name, { hasHint: hint !== undefined, hasError: Boolean(error) });
  const hasTypedRows = table.rows.some((row) => Object.values(row).some((cell) => cell.trim() !== ""));
  return (
    <FormGroup hasError={Boolean(error)}>
      <Fieldset legend={label} describedBy={ids.describedBy}>
        {hint !== undefined && <Hint id={ids.hintId}>{hint}</Hint>}
        {error && <ErrorMessage id={ids.errorId}>{error}</ErrorMessage>}
        {question.allowNoneOrUnknown === true && (
          <Radios
            name={`${name}-status`}
            legend={<span className="sr-only">{label}</span>}
            items={[
              { value: "rows", label: "Add them below" },
              { value: "none", label: "None" },
              { value: "unknown", label: "Not known" },
            ]}
            defaultValue={table.status ?? (hasTypedRows ? "rows" : undefined)}
          />
        )}
        {rows.map((row, index) => (
          // Keyed by content as well, so after "Remove" an uncontrolled field never shows the removed row's text.
          <div key={`${index}:${JSON.stringify(row)}`} className="mb-6 border-2 border-border px-[15px] pt-[15px] sm:px-5 sm:pt-5">
            <Fieldset legend={`${sentenceStart(item)} ${index + 1}`} legendSize="s">
              {question.columns.map((column) => (
                <TableCell key={column.id} name={name} index={index} column={column} value={row[column.id]} />
              ))}
              {(rows.length > 1 || table.rows.length > 0) && (
                <Button variant="secondary" name="intent" value={`remove-row:${name}:${index}`}>
                  Remove<span className="sr-only"> {`${item} ${index + 1}`}</span>
                </Button>
              )}
            </Fieldset>
          </div>
        ))}
        <input type="hidden" name={`${name}-count`} value={rows.length} />
        {canAdd && (
          <Button variant="secondary" name="intent" value={`add-row:${name}`}>
            Add another {item}
          </Button>
        )}
      </Fieldset>
    </FormGroup>
  );
}

function TableCell({ name, index, column, value }: { name: string; index: number; column: TableColumn; value: string | undefined }) {
  const id = cellId(name, index, column.id);
  const label = column.isRequired === true ? column.label : `${column.label} (optional)`;
  if (column.type === "select") {
    const options = [{ value: "", text: "Select an option" }, ...column.choices.map((choice) => ({ value: choice.value, text: choice.label }))];
    return <Select id={id} name={id} label={label} options={options} defaultValue={value ?? ""} />;
  }
  return <TextInput id={id} name={id} label={label} defaultValue={value} />;
}

function cellId(name: string, index: number, columnId: string): string {
  return `${name}-${index}-${columnId}`;
}

function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function asTable(value: AnswerValue | undefined): TableValue {
  return typeof value === "object" && !Array.isArray(value) && "rows" in value ? value : { rows: [] };
}
