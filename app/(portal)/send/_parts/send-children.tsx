import Link from "next/link";
import type { FamilyChild } from "@/lib/send/access";

/** Each child's name with "SEND Dashboard" under it (guide 004's portal screen), or that activation is pending. */
export function SendChildren({ items, headingLevel = "h2" }: { items: FamilyChild[]; headingLevel?: "h2" | "h3" }) {
  const Heading = headingLevel;
  return (
    <ul className="mb-8 grid gap-4 sm:grid-cols-2">
      {items.map((child) => (
        <li key={child.caseId} className="border-t-4 border-brand bg-light-grey p-4">
          <Heading className="heading-m mb-2">{child.childName}</Heading>
          {child.status === "active" ? (
            <Link href={`/send/${child.caseId}`} className="font-bold">
              SEND Dashboard<span className="sr-only"> for {child.childName}</span>
            </Link>
          ) : (
            <p>Activation pending: the SEND team will email you when your access to the SEND Dashboard is ready.</p>
          )}
        </li>
      ))}
    </ul>
  );
}
