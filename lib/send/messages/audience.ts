/**
 * Who sees which secure message on a case with more than one family member (issue 16, point
 * 5; separated parents, say). A family member sees the messages they sent and the team's
 * messages to them or to everyone with access; nobody in the family sees another member's
 * messages or the team's messages to another member. The team sees them all. The rule is one
 * SQL condition, put in the WHERE of every family-side read, so another member's message is
 * "not found" exactly like a missing one.
 */
import { and, asc, eq, isNull, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendAccess, sendMessages, users } from "@/db/schema";
import { TO_EVERYONE } from "./types";

/** In a WHERE over sendMessages: the messages this family member may see. */
export function visibleToFamilyMember(userId: string): SQL {
  return or(
    and(eq(sendMessages.fromFamily, true), eq(sendMessages.fromUserId, userId)),
    and(eq(sendMessages.fromFamily, false), or(isNull(sendMessages.toUserId), eq(sendMessages.toUserId, userId))),
  )!;
}

export type FamilyMember = { userId: string; name: string; email: string };

/** "Pat Parent", or the address for an account without a name. */
export const personName = (row: { forename: string | null; surname: string | null }, fallback = "Unknown") =>
  row.forename ? `${row.forename} ${row.surname ?? ""}`.trim() : fallback;

/** The family members whose access to the case is active now, in the order they accepted. */
export async function familyMembersWithAccess(db: DbOrTx, caseId: string): Promise<FamilyMember[]> {
  const rows = await db
    .select({ userId: users.id, forename: users.forename, surname: users.surname, email: users.email })
    .from(sendAccess)
    .innerJoin(users, eq(users.id, sendAccess.userId))
    .where(and(eq(sendAccess.caseId, caseId), eq(sendAccess.status, "active")))
    .orderBy(asc(sendAccess.acceptedAt), asc(users.id));
  return rows.map((row) => ({ userId: row.userId, name: personName(row, row.email), email: row.email }));
}

/** The message a team message replies to, as far as choosing its recipient goes. */
export type RepliedTo = { fromFamily: boolean; fromUserId: string; toUserId: string | null };

/**
 * The recipient a team message goes to unless the caseworker chooses another: the user id, or
 * TO_EVERYONE. A reply goes to the family member replied to (a reply to the team's own message
 * goes where that one went). A new message on a case with exactly one family member goes to
 * that person, not to "everyone": today the two mean the same people, so one parent's cases
 * work as before, but a second parent given access later does not inherit the first one's
 * conversation; a caseworker who wants every present and future member to read it chooses
 * "Everyone with access". With none or several members, a new message is to everyone.
 */
export function defaultRecipient(members: FamilyMember[], repliedTo: RepliedTo | null): string {
  if (repliedTo?.fromFamily) return repliedTo.fromUserId;
  if (repliedTo) return repliedTo.toUserId ?? TO_EVERYONE;
  return members.length === 1 ? members[0]!.userId : TO_EVERYONE;
}

export type Recipient = { ok: true; toUserId: string | null; members: FamilyMember[] } | { ok: false; error: string };

/**
 * The team's chosen recipient, checked: TO_EVERYONE (stored as null), or a family member whose
 * access to this case is active now. Anyone else (a stranger, a revoked parent, another case's
 * parent, a forged id) is refused with the field's message, as is posting no choice; `to` left
 * out (a caller that does not choose) takes the default.
 */
export async function chooseRecipient(tx: DbOrTx, caseId: string, to: string | undefined, repliedTo: RepliedTo | null): Promise<Recipient> {
  const members = await familyMembersWithAccess(tx, caseId);
  const chosen = to ?? defaultRecipient(members, repliedTo);
  if (chosen === TO_EVERYONE) return { ok: true, toUserId: null, members };
  if (members.some((member) => member.userId === chosen)) return { ok: true, toUserId: chosen, members };
  return { ok: false, error: chosen ? "Select someone who has access to this case, or everyone with access" : "Select who the message is to" };
}
