import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { listCaseworkers } from "@/lib/send";
import { NewCaseForm } from "./new-case-form";

export const metadata: Metadata = { title: "Create an EHCP case" };

/** A new EHC needs assessment case, from the request the council received. */
export default async function NewSendCasePage() {
  const user = await requireStaff("/staff/send/new");
  const caseworkers = await listCaseworkers(getDb(), { userId: user.userId, role: user.role });
  const isCaseworker = caseworkers.some((caseworker) => caseworker.id === user.userId);
  return (
    <div className="max-w-[40em]">
      <p className="mb-4">
        <Link href="/staff/send">Back to SEND cases</Link>
      </p>
      <NewCaseForm caseworkers={caseworkers} initialState={{ errors: {}, values: { caseworkerId: isCaseworker ? user.userId : "" } }}>
        <h1 className="heading-xl mb-6">Create an EHCP case</h1>
        <p className="mb-8">Enter the details from the request for an Education, Health and Care (EHC) needs assessment.</p>
      </NewCaseForm>
    </div>
  );
}
