import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Button } from "@/components/button";
import { currentUser } from "@/app/_auth/current-user";
import { startableFormById as formById } from "@/lib/forms/catalogue";
import { readPendingForm } from "../pending-form";

type Params = { params: Promise<{ formId: string }> };

export const metadata: Metadata = { title: "Login or Register" };

/** At the first section that asks for details, a visitor signs in or registers, then carries on. */
export default async function LoginOrRegisterPage({ params }: Params) {
  const definition = formById((await params).formId);
  if (!definition) notFound();
  const carryOn = `/forms/${definition.id}/continue`;
  if (await currentUser()) redirect(carryOn);
  if (!(await readPendingForm(definition.id))) redirect(`/forms/${definition.id}`);
  const returnTo = encodeURIComponent(carryOn);
  return (
    <div className="max-w-[40em]">
      <span className="body-l mb-1 block text-secondary-ink">{definition.title}</span>
      <h1 className="heading-l mb-6">Login or Register</h1>
      <p className="mb-4">To fill in the rest of this form and send it, sign in to your account, or register if you do not have one.</p>
      <p className="mb-8">What you have entered so far is kept: you will come back to this form after signing in.</p>
      <div className="flex flex-wrap gap-x-4">
        <Button href={`/account/sign-in?returnTo=${returnTo}`}>Login</Button>
        <Button href={`/account/register?returnTo=${returnTo}`} variant="secondary">
          Register
        </Button>
      </div>
    </div>
  );
}
