/**
 * GET /api/v1/schemas/<form>/<version>.json: the JSON Schema of one form version's document for
 * the case system (lib/delivery/json-schema.ts). Public, with no sign-in: it describes the form's
 * questions and holds no one's answers. An unknown form or version is a 404.
 */
import { getDb } from "@/db/client";
import { appSettings } from "@/lib/config/env";
import { jsonSchemaFor } from "@/lib/delivery/json-schema";
import { definitionOfVersion } from "@/lib/delivery/schema-source";

export const dynamic = "force-dynamic";

// A form id is kebab-case (the loader's rule); a version a positive whole number.
const FORM_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const FILE = /^([1-9][0-9]{0,8})\.json$/;

export async function GET(_request: Request, { params }: { params: Promise<{ form: string; file: string }> }) {
  const { form, file } = await params;
  const version = FILE.exec(file)?.[1];
  const definition = FORM_ID.test(form) && version !== undefined ? await definitionOfVersion(getDb(), form, Number(version)) : null;
  if (!definition) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const schema = jsonSchemaFor(definition, { appUrl: appSettings().APP_URL });
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { "Content-Type": "application/schema+json" } });
}
