import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import { startDraft } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { draftPaths } from "../../../drafts/_engine/paths";
import { forgetPendingForm, readPendingForm } from "../pending-form";

/**
 * Back from signing in or registering: the visitor's pending form becomes their draft, and the
 * first section after the overview opens. The cookie is cleared first, so reloading this
 * address cannot make a second draft.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ formId: string }> }) {
  const definition = formById((await params).formId);
  const to = (path: string) => NextResponse.redirect(new URL(path, appSettings().APP_URL), 303);
  if (!definition) return to("/");
  const user = await currentUser();
  if (!user) return to(`/forms/${definition.id}/sign-in`);
  const pending = await readPendingForm(definition.id);
  if (!pending) return to("/drafts");
  await forgetPendingForm();
  const draft = await startDraft(getDb(), {
    ownerId: user.userId,
    form: definition,
    retentionDays: councilSettings().draftRetentionDays,
    now: now(),
    people: pending.people,
    answers: { completingAs: pending.completingAs },
  });
  logEvent("draft.started", { draftId: draft.id, formId: definition.id });
  const firstDetails = definition.sections.find((section) => section.questions.length > 0) ?? definition.sections[0]!;
  return to(draftPaths(draft.id).section(firstDetails.id));
}
