/**
 * The section GET and save of the bench's newer parts (mixed profile, side by side with the
 * peer), made as tests/bench/forms.ts makes them: the whole HTML of the session's
 * Professional's Details section (200), and that section's form posted as a browser without
 * JavaScript posts it, with the action fields read from the session's page once (a 303 back to
 * the section; the session's revision is kept here, and learnt again from the database when a
 * save fails so the next can work).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts } from "@/db/schema";
import { actionFields, sectionFormHtml } from "./forms";
import { SECTION_ID, sectionPath, type Session } from "./sessions";

export type SectionSession = Session & { hidden: [string, string][] };

/** Reads each session's section page once (concurrency 8): proves its cookie signs in, and gives its action fields. */
export async function readActionFields(base: string, sessions: Session[]): Promise<SectionSession[]> {
  const ready: SectionSession[] = sessions.map((session) => ({ ...session, hidden: [] }));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < ready.length) {
        const session = ready[next++]!;
        const response = await fetch(`${base}${sectionPath(session)}`, { headers: { cookie: session.cookie }, redirect: "manual" });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`GET ${sectionPath(session)} as bench session ${session.index} answered ${response.status}`);
        session.hidden = actionFields(sectionFormHtml(html));
        if (!session.hidden.some(([name]) => name.startsWith("$ACTION_REF_") || name.startsWith("$ACTION_ID_"))) throw new Error("the section form has no server action fields");
      }
    }),
  );
  return ready;
}

export async function getSection(base: string, session: Session, signal?: AbortSignal): Promise<true | string> {
  const response = await fetch(`${base}${sectionPath(session)}`, { headers: { cookie: session.cookie }, redirect: "manual", signal });
  await response.arrayBuffer();
  return response.status === 200 || `GET section answered ${response.status}`;
}

/** One save; `label` tells saves apart in the stored answers. */
export async function saveSection(base: string, db: Db, session: SectionSession, label: string, signal?: AbortSignal): Promise<true | string> {
  const body = new FormData();
  for (const [name, value] of session.hidden) body.append(name, value);
  body.append("draftId", session.draftId);
  body.append("sectionId", SECTION_ID);
  body.append("revision", String(session.revision));
  body.append("referrerName", `Bench Referrer ${session.index} (${label})`);
  body.append("referrerRole", "Designated safeguarding lead");
  body.append("referrerOrganisation", "Bench Primary School");
  body.append("referrerEmail", `dsl${session.index}@bench-school.example`);
  body.append("referrerPhone", "01632 960 123");
  body.append("intent", `goto:${SECTION_ID}`);
  const response = await fetch(`${base}${sectionPath(session)}`, { method: "POST", headers: { cookie: session.cookie, origin: base }, body, redirect: "manual", signal });
  await response.arrayBuffer();
  const location = response.headers.get("location") ?? "";
  if (response.status === 303 && location.endsWith(sectionPath(session))) {
    session.revision += 1;
    return true;
  }
  const [row] = await db.select({ revision: drafts.revision }).from(drafts).where(and(eq(drafts.id, session.draftId), eq(drafts.ownerId, session.userId)));
  if (row) session.revision = row.revision;
  return `save answered ${response.status} ${location}`;
}
