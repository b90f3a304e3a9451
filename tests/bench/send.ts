/**
 * The SEND Dashboard figures of `npm run bench` (issue 8): each bench user becomes a parent with
 * active access to a child's EHCP case of their own (request nine weeks ago, decided to assess,
 * so the strip, the history and the key dates all have something), made straight in the bench
 * portal's database. The page then loads through the real check (caseForFamily) with the user's
 * session cookie. Cases are made once per bench database and reused.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councils, sendAccess, sendCaseEvents, sendCases } from "@/db/schema";
import { todayIn } from "@/lib/dates/calendar";
import { addDays } from "@/lib/send/dates";

export const DASHBOARD_TITLE = "SEND Dashboard - Bench";

/** The dashboard path for each user id (same order), making the cases that are missing. */
export async function prepareSendCases(db: Db, userIds: string[], caseworkerId: string): Promise<string[]> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  if (!council) throw new Error("the bench database has no council (was it seeded?)");
  const existing = await db
    .select({ caseId: sendAccess.caseId, userId: sendAccess.userId })
    .from(sendAccess)
    .where(and(inArray(sendAccess.userId, userIds), eq(sendAccess.status, "active")));
  const caseOf = new Map(existing.map((row) => [row.userId, row.caseId]));
  const now = new Date();
  const requestDate = addDays(todayIn(now), -63);
  for (const [index, userId] of userIds.entries()) {
    if (caseOf.has(userId)) continue;
    const [row] = await db
      .insert(sendCases)
      .values({
        councilId: council.id,
        childForename: "Bench",
        childSurname: `Child ${index + 1}`,
        childDateOfBirth: "2015-05-14",
        childName: `bench child ${index + 1}`,
        requestDate,
        requestorName: `Bench Parent ${index + 1}`,
        requestorRelationship: "Parent",
        requestorEmail: `bench-parent-${index + 1}@bench.example`,
        caseworkerId,
        teamContact: "SEND Assessment Team: 01632 960 000",
        dayOneRule: "request-day",
        createdAt: now,
        createdBy: caseworkerId,
      })
      .returning({ id: sendCases.id });
    const caseId = row!.id;
    await db.insert(sendCaseEvents).values([
      { caseId, kind: "case-created", eventDate: requestDate, at: now, actorId: caseworkerId },
      { caseId, kind: "stage-recorded", eventDate: addDays(requestDate, 36), at: now, actorId: caseworkerId, detail: { stage: "assess-decision", outcome: "yes" } },
      { caseId, kind: "access-activated", eventDate: addDays(requestDate, 50), at: now, actorId: caseworkerId, detail: { userId } },
    ]);
    await db.insert(sendAccess).values({ caseId, userId, status: "active", acceptedAt: now, activatedAt: now });
    caseOf.set(userId, caseId);
  }
  return userIds.map((userId) => `/send/${caseOf.get(userId)}`);
}
