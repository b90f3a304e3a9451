import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { startableFormById as formById } from "@/lib/forms/catalogue";
import { PeopleForm } from "../../drafts/_engine/people-form";
import { startFormAction } from "./actions";
import { readPendingForm } from "./pending-form";

type Params = { params: Promise<{ formId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const definition = formById((await params).formId);
  return { title: definition ? `Who is this about? – ${definition.title}` : "Page not found" };
}

/** The start of every form: who it is about, and who is completing it. No account needed yet. */
export default async function StartFormPage({ params }: Params) {
  const definition = formById((await params).formId);
  if (!definition) notFound();
  const pending = await readPendingForm(definition.id);
  return (
    <div className="max-w-[40em]">
      <span className="body-l mb-1 block text-secondary-ink">{definition.title}</span>
      <h1 className="heading-l mb-6">Start your form</h1>
      <PeopleForm
        action={startFormAction}
        audiences={definition.audiences}
        hidden={{ formId: definition.id }}
        initial={{ rows: pending?.people.map((person) => ({ ...person, id: "" })) ?? [], completingAs: pending?.completingAs ?? "", errors: {}, version: 0 }}
      />
    </div>
  );
}
