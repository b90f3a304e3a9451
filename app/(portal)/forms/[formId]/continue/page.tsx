import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Button } from "@/components/button";
import { requireUser } from "@/app/_auth/current-user";
import { startableFormById as formById } from "@/lib/forms/catalogue";
import { joinNames } from "@/lib/forms/personalise";
import { continuePendingFormAction } from "../actions";
import { readPendingForm } from "../pending-form";

type Params = { params: Promise<{ formId: string }> };

export const metadata: Metadata = { title: "Carry on with your form" };

/**
 * Back from signing in or registering with a form started as a visitor: one button turns it
 * into the user's saved form (a POST, so reloading this page never makes a second one).
 */
export default async function ContinuePendingFormPage({ params }: Params) {
  const definition = formById((await params).formId);
  if (!definition) notFound();
  await requireUser(`/forms/${definition.id}/continue`);
  const pending = await readPendingForm(definition.id);
  if (!pending) redirect("/drafts");
  return (
    <div className="max-w-[40em]">
      <span className="body-l mb-1 block text-secondary-ink">{definition.title}</span>
      <h1 className="heading-l mb-6">Carry on with your form</h1>
      <p className="mb-8">You started this form about {joinNames(pending.people)}. Carry on to fill in the rest of it.</p>
      <form action={continuePendingFormAction}>
        <input type="hidden" name="formId" value={definition.id} />
        <Button type="submit">Carry on</Button>
      </form>
    </div>
  );
}
