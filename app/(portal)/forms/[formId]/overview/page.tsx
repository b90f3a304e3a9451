import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Button } from "@/components/button";
import { currentUser } from "@/app/_auth/current-user";
import { startableFormById as formById } from "@/lib/forms/catalogue";
import { joinNames } from "@/lib/forms/personalise";
import { readPendingForm } from "../pending-form";

type Params = { params: Promise<{ formId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const definition = formById((await params).formId);
  return { title: definition ? `Overview – ${definition.title}` : "Page not found" };
}

/** A visitor's first section: the form's guidance, readable before signing in. */
export default async function VisitorOverviewPage({ params }: Params) {
  const definition = formById((await params).formId);
  if (!definition) notFound();
  if (await currentUser()) redirect(`/forms/${definition.id}/continue`);
  const pending = await readPendingForm(definition.id);
  if (!pending) redirect(`/forms/${definition.id}`);
  const overview = definition.sections[0]!;
  return (
    <div className="max-w-[40em]">
      <span className="body-l mb-1 block text-secondary-ink">{definition.title}</span>
      <h1 className="heading-l mb-6">{overview.title}</h1>
      <p className="mb-4">This form is about {joinNames(pending.people)}.</p>
      {overview.description && <div className="mb-8 whitespace-pre-line">{overview.description}</div>}
      <h2 className="heading-m mb-3">What the form asks</h2>
      <ol className="mb-8 list-decimal pl-5">
        {definition.sections.slice(1).filter((section) => !section.showIf).map((section) => (
          <li key={section.id} className="mb-1">
            {section.title}
          </li>
        ))}
      </ol>
      <Button href={`/forms/${definition.id}/sign-in`}>Next</Button>
    </div>
  );
}
