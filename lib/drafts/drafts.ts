/**
 * Drafts: a user's forms in progress. Every function takes the acting user's id and has it in
 * its WHERE clause, so no call can read, save or delete another person's draft (another
 * user's draft id behaves exactly like one that does not exist).
 */
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { drafts } from "@/db/schema";
import type { Answers, FormDefinition, Person } from "@/lib/forms/types";

export type Draft = {
  id: string;
  formId: string;
  formVersion: number;
  people: Person[];
  answers: Answers;
  currentSectionId: string | null;
  revision: number;
  startedAt: Date;
  expiresAt: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function toDraft(row: typeof drafts.$inferSelect): Draft {
  return {
    id: row.id,
    formId: row.formId,
    formVersion: row.formVersion,
    people: row.people as Person[],
    answers: row.answers as Answers,
    currentSectionId: row.currentSectionId,
    revision: row.revision,
    startedAt: row.startedAt,
    expiresAt: row.expiresAt,
  };
}

export async function startDraft(
  db: DbOrTx,
  input: { ownerId: string; form: FormDefinition; retentionDays: number; now: Date; people?: Person[]; answers?: Answers },
): Promise<Draft> {
  const [row] = await db
    .insert(drafts)
    .values({
      ownerId: input.ownerId,
      formId: input.form.id,
      formVersion: input.form.version,
      people: input.people ?? [],
      answers: input.answers ?? {},
      startedAt: input.now,
      updatedAt: input.now,
      // Kept for the council's days from the start date (guides 000 and 002), not from the last save.
      expiresAt: new Date(input.now.getTime() + input.retentionDays * DAY_MS),
    })
    .returning();
  if (!row) throw new Error("draft insert returned no row");
  return toDraft(row);
}

/** The owner's draft, or null (also for someone else's draft, or an expired one). */
export async function findDraftForOwner(db: DbOrTx, ownerId: string, draftId: string, now: Date): Promise<Draft | null> {
  const [row] = await db.select().from(drafts).where(and(eq(drafts.id, draftId), eq(drafts.ownerId, ownerId), sql`${drafts.expiresAt} > ${now.toISOString()}`));
  return row ? toDraft(row) : null;
}

export type SaveResult = { status: "saved"; revision: number } | { status: "stale"; revision: number } | { status: "not-found" };

/**
 * Saves answers (and where the user is) if the caller's copy is the latest: a save made from
 * an older copy, such as a second tab, is refused rather than silently overwriting.
 */
export async function saveDraft(
  db: DbOrTx,
  input: { ownerId: string; draftId: string; expectedRevision: number; people?: Person[]; answers: Answers; currentSectionId?: string; now: Date },
): Promise<SaveResult> {
  const [saved] = await db
    .update(drafts)
    .set({
      answers: input.answers,
      ...(input.people ? { people: input.people } : {}),
      ...(input.currentSectionId ? { currentSectionId: input.currentSectionId } : {}),
      revision: sql`${drafts.revision} + 1`,
      updatedAt: input.now,
    })
    .where(and(eq(drafts.id, input.draftId), eq(drafts.ownerId, input.ownerId), eq(drafts.revision, input.expectedRevision), sql`${drafts.expiresAt} > ${input.now.toISOString()}`))
    .returning({ revision: drafts.revision });
  if (saved) return { status: "saved", revision: saved.revision };
  const current = await findDraftForOwner(db, input.ownerId, input.draftId, input.now);
  return current ? { status: "stale", revision: current.revision } : { status: "not-found" };
}

export type DraftListing = { id: string; formId: string; people: Person[]; startedAt: Date; daysLeft: number };

/** "Recover a form": the owner's live drafts, oldest first, with whole days left. */
export async function listDraftsForOwner(db: DbOrTx, ownerId: string, now: Date): Promise<DraftListing[]> {
  const rows = await db
    .select({ id: drafts.id, formId: drafts.formId, people: drafts.people, startedAt: drafts.startedAt, expiresAt: drafts.expiresAt })
    .from(drafts)
    .where(and(eq(drafts.ownerId, ownerId), sql`${drafts.expiresAt} > ${now.toISOString()}`))
    .orderBy(asc(drafts.startedAt));
  return rows.map((row) => ({
    id: row.id,
    formId: row.formId,
    people: row.people as Person[],
    startedAt: row.startedAt,
    daysLeft: Math.ceil((row.expiresAt.getTime() - now.getTime()) / DAY_MS),
  }));
}

/** "Cancel": deletes the owner's draft. False when there was no such draft of theirs. */
export async function deleteDraft(db: DbOrTx, ownerId: string, draftId: string): Promise<boolean> {
  const deleted = await db.delete(drafts).where(and(eq(drafts.id, draftId), eq(drafts.ownerId, ownerId))).returning({ id: drafts.id });
  return deleted.length === 1;
}

/** The daily clean-up: deletes every expired draft; returns their ids (their files go too, later). */
export async function deleteExpiredDrafts(db: DbOrTx, now: Date): Promise<string[]> {
  const deleted = await db.delete(drafts).where(lte(drafts.expiresAt, now)).returning({ id: drafts.id });
  return deleted.map((row) => row.id);
}
