/**
 * A repeating table (GOV.UK "add another"): rows of a few columns, e.g. family members with
 * name and relationship. Posted as `${name}-count` rows of `${name}-${row}-${columnId}` cells,
 * plus `${name}-status` ("rows", "none" or "unknown") when the question allows "None" and "Not
 * known". readForm keeps every row as rendered, blank ones too, so row numbers in messages and
 * "remove-row" indexes match the page; the stored answer drops blank rows. Buttons go through
 * addTableRow and removeTableRow.
 */
import type { AnswerValue, TableColumn, TableValue } from "../types";
import { isTableValue } from "../values";
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, fieldText, partsSchema } from "./field-schema";
import { choiceLabel } from "./choice-label";
import { labelAtStart, labelInSentence } from "./wording";

type TableQuestion = QuestionOfType<"table">;
type TableStatus = NonNullable<TableValue["status"]>;

export const TABLE_CELL_MAX_LENGTH = 500;
/** Rows read from one post at most, whatever `${name}-count` claims. */
export const TABLE_MAX_POSTED_ROWS = 100;

export const tableQuestion: QuestionTypeHandler<TableQuestion> = {
  type: "table",
  valueSchema: (question) => partsSchema((raw) => parseTable(question, raw)),
  // What was typed, as a TableValue (blank cells left out), so the engine can also save it as it stands.
  readForm: (question, form, name): TableValue => {
    const count = Math.min(Math.max(Number.parseInt(form.get(`${name}-count`) ?? "", 10) || 0, 0), TABLE_MAX_POSTED_ROWS);
    const rows = Array.from({ length: count }, (_, index) => {
      const row: Record<string, string> = {};
      for (const column of question.columns) {
        const text = (form.get(`${name}-${index}-${column.id}`) ?? "").trim();
        if (text !== "") row[column.id] = text;
      }
      return row;
    });
    const status = question.allowNoneOrUnknown === true ? tableStatus(form.get(`${name}-status`)) : undefined;
    return status ? { rows, status } : { rows };
  },
  summarise: (question, value) => {
    if (!isTableValue(value)) return answerText(value);
    if (value.status === "none") return "None";
    if (value.status === "unknown") return "Not known";
    return value.rows
      .map((row) =>
        question.columns
          .filter((column) => (row[column.id] ?? "") !== "")
          .map((column) => `${column.label}: ${cellText(column, row[column.id]!)}`)
          .join(", "),
      )
      .filter((text) => text !== "")
      .join("; ");
  },
};

function parseTable(question: TableQuestion, raw: unknown): { value: TableValue } | { error: string } | undefined {
  const item = question.itemName;
  const fields = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const status = question.allowNoneOrUnknown === true ? tableStatus(fields.status) : undefined;
  // "None" or "Not known" is the answer: rows typed before choosing it are not kept.
  if (status) return { value: { rows: [], status } };

  const posted = Array.isArray(fields.rows) ? fields.rows : [];
  const rows: Record<string, string>[] = [];
  for (const [index, postedRow] of posted.entries()) {
    const cells = typeof postedRow === "object" && postedRow !== null ? (postedRow as Record<string, unknown>) : {};
    const row: Record<string, string> = {};
    for (const column of question.columns) {
      const text = fieldText(cells[column.id]) ?? "";
      if (text !== "") row[column.id] = text;
    }
    if (Object.keys(row).length === 0) continue;
    const error = rowError(question.columns, row, `${item} ${index + 1}`);
    if (error) return { error };
    rows.push(row);
  }

  if (rows.length === 0) {
    if (question.isRequired !== true) return undefined;
    return { error: question.allowNoneOrUnknown === true ? `Add ${withArticle(item)}, or select None or Not known` : `Add at least one ${item}` };
  }
  if (question.maxRows !== undefined && rows.length > question.maxRows) {
    return { error: `Remove ${withArticle(item)} – you can add up to ${question.maxRows}` };
  }
  return { value: { rows } };
}

function rowError(columns: TableColumn[], row: Record<string, string>, rowName: string): string | undefined {
  for (const column of columns) {
    const text = row[column.id] ?? "";
    const label = labelInSentence(column.label);
    if (text === "") {
      if (column.isRequired !== true) continue;
      return column.type === "select" ? `Select the ${label} for ${rowName}` : `Enter the ${label} for ${rowName}`;
    }
    if (column.type === "select" && !column.choices.some((choice) => choice.value === text)) return `Select the ${label} for ${rowName}`;
    if (text.length > TABLE_CELL_MAX_LENGTH) return `${labelAtStart(column.label)} for ${rowName} must be ${TABLE_CELL_MAX_LENGTH} characters or less`;
  }
  return undefined;
}

function tableStatus(posted: unknown): TableStatus | undefined {
  return posted === "none" || posted === "unknown" ? posted : undefined;
}

function cellText(column: TableColumn, value: string): string {
  return column.type === "select" ? choiceLabel(column.choices, value) : value;
}

function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/**
 * For "Add another": the rows with an empty one after them. No rows shows as one empty row, so
 * that becomes two. At maxRows (when given) nothing is added. Choosing to add clears None/Not known.
 */
export function addTableRow(value: AnswerValue | undefined, maxRows?: number): TableValue {
  const rows = tableRows(value);
  const shown = rows.length === 0 ? [{}] : rows;
  if (maxRows !== undefined && shown.length >= maxRows) return { rows: shown };
  return { rows: [...shown, {}] };
}

/** For "Remove": the rows without the one at `index` (as rendered); None/Not known is kept. */
export function removeTableRow(value: AnswerValue | undefined, index: number): TableValue {
  const rows = tableRows(value).filter((_, position) => position !== index);
  const status = value !== undefined && isTableValue(value) ? value.status : undefined;
  return status ? { rows, status } : { rows };
}

function tableRows(value: AnswerValue | undefined): Record<string, string>[] {
  return value !== undefined && isTableValue(value) ? value.rows.map((row) => ({ ...row })) : [];
}
