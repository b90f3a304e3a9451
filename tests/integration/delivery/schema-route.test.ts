/**
 * GET /api/v1/schemas/<form>/<version>.json, called through the route handler: the current
 * version from the catalogue, an older version from the definition a submission froze, and a
 * 404 for anything else.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/schemas/[form]/[file]/route";
import { councils, users } from "@/db/schema";
import { startDraft } from "@/lib/drafts/drafts";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import type { FormDefinition } from "@/lib/forms/types";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { newAjv } from "@/tests/support/document-schema";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

// A form of this file's own, sent once at a version the catalogue no longer has.
const oldForm: FormDefinition = { ...safeguardingConcern, id: `schema-route-${randomUUID().slice(0, 8)}`, version: 7, title: "An older wording" };

const get = (form: string, file: string) => GET(new Request(`http://localhost/api/v1/schemas/${form}/${file}`), { params: Promise.resolve({ form, file }) });

beforeAll(async () => {
  await ensureCouncil();
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [owner] = await db.insert(users).values({ councilId: council!.id, email: uniqueEmail("schema"), passwordHash: "not-used", forename: "Sol", surname: "Sender" }).returning({ id: users.id });
  const now = new Date("2028-01-10T10:00:00Z");
  const draft = await startDraft(db, { ownerId: owner!.id, form: oldForm, retentionDays: 30, now, people: [{ id: "p1", forename: "Uma", surname: "Demo" }] });
  expect((await submitDraft(submissionDepsAt(now), { userId: owner!.id }, { draftId: draft.id, definitionFor: () => oldForm })).status).toBe("submitted");
});

describe("the schema route", () => {
  it("serves the current version's JSON Schema as application/schema+json", async () => {
    const response = await get("safeguarding-concern", "1.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/schema+json");
    const schema = (await response.json()) as { $schema: string; $id: string; properties: { form: { properties: { id: unknown; version: unknown } } } };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/\/api\/v1\/schemas\/safeguarding-concern\/1\.json$/);
    expect(schema.properties.form.properties).toMatchObject({ id: { const: "safeguarding-concern" }, version: { const: 1 } });
    expect(() => newAjv().compile(schema)).not.toThrow();
  });

  it("serves an older version from the definition its submissions kept", async () => {
    const response = await get(oldForm.id, "7.json");
    expect(response.status).toBe(200);
    const schema = (await response.json()) as { title: string; properties: { form: { properties: { version: unknown } } } };
    expect(schema.title).toContain("An older wording");
    expect(schema.properties.form.properties.version).toEqual({ const: 7 });
  });

  it("is a 404 for an unknown form or version, or an address not ending .json", async () => {
    for (const [form, file] of [
      ["safeguarding-concern", "2.json"],
      [oldForm.id, "8.json"],
      ["no-such-form", "1.json"],
      ["safeguarding-concern", "1"],
      ["safeguarding-concern", "01.json"],
      ["Safeguarding_Concern", "1.json"],
    ] as const) {
      expect((await get(form, file)).status, `${form}/${file}`).toBe(404);
    }
  });
});
