/**
 * The backup check's verdict: what the restored copy holds against what the source held when it
 * was copied. Row counts per table (schema-qualified name → rows) and SHA-256 per object key.
 * Pure, so each kind of difference is tested without a database.
 */

export type Difference =
  | { kind: "table-missing"; table: string; rows: number }
  | { kind: "table-extra"; table: string; rows: number }
  | { kind: "row-count"; table: string; source: number; restored: number }
  | { kind: "object-missing"; key: string }
  | { kind: "object-extra"; key: string }
  | { kind: "object-checksum"; key: string; source: string; restored: string };

export function compareTables(source: ReadonlyMap<string, number>, restored: ReadonlyMap<string, number>): Difference[] {
  const differences: Difference[] = [];
  for (const [table, rows] of source) {
    const restoredRows = restored.get(table);
    if (restoredRows === undefined) differences.push({ kind: "table-missing", table, rows });
    else if (restoredRows !== rows) differences.push({ kind: "row-count", table, source: rows, restored: restoredRows });
  }
  for (const [table, rows] of restored) if (!source.has(table)) differences.push({ kind: "table-extra", table, rows });
  return differences;
}

export function compareObjects(source: ReadonlyMap<string, string>, restored: ReadonlyMap<string, string>): Difference[] {
  const differences: Difference[] = [];
  for (const [key, checksum] of source) {
    const restoredChecksum = restored.get(key);
    if (restoredChecksum === undefined) differences.push({ kind: "object-missing", key });
    else if (restoredChecksum !== checksum) differences.push({ kind: "object-checksum", key, source: checksum, restored: restoredChecksum });
  }
  for (const key of restored.keys()) if (!source.has(key)) differences.push({ kind: "object-extra", key });
  return differences;
}

export function describeDifference(difference: Difference): string {
  switch (difference.kind) {
    case "table-missing":
      return `table ${difference.table} (${difference.rows} rows) is missing from the restore`;
    case "table-extra":
      return `table ${difference.table} (${difference.rows} rows) is in the restore but not in the source`;
    case "row-count":
      return `table ${difference.table}: ${difference.source} rows in the source, ${difference.restored} restored`;
    case "object-missing":
      return `object ${difference.key} is missing from the restored bucket`;
    case "object-extra":
      return `object ${difference.key} is in the restored bucket but not in the source`;
    case "object-checksum":
      return `object ${difference.key}: SHA-256 ${difference.source} in the source, ${difference.restored} restored`;
  }
}
