/**
 * Which definition a form version's JSON Schema is generated from. The current version is the
 * catalogue's. Older versions are not kept in code (a definition file is edited in place and its
 * version bumped), but every submission keeps the definition it was sent against, so an older
 * version that was ever sent is read from its latest submission; one never sent has no documents,
 * so it needs no schema and is not found.
 */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { submissions } from "@/db/schema";
import { formById } from "@/lib/forms/catalogue";
import type { FormDefinition } from "@/lib/forms/types";

export async function definitionOfVersion(db: Pick<DbOrTx, "select">, formId: string, version: number): Promise<FormDefinition | null> {
  const current = formById(formId);
  if (current?.version === version) return current;
  const [row] = await db
    .select({ definition: submissions.definition })
    .from(submissions)
    .where(and(eq(submissions.formId, formId), eq(submissions.formVersion, version)))
    .orderBy(desc(submissions.submittedAt))
    .limit(1);
  return row ? (row.definition as FormDefinition) : null;
}
